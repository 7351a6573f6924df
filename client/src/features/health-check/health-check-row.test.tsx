// @vitest-environment happy-dom
import {
  DEFAULT_HEALTH_THRESHOLDS,
  type HealthCheck,
  type MeetingId,
  type Member,
  type MemberId,
} from '@chungtay/model';
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n-context';
import { HealthCheckRow, type MeasurePatch, type RowCommands } from './health-check-row';

const LAN = { id: 'member-lan-0001', fullName: 'Nguyễn Thị Lan' } as unknown as Member;
const stored = (values: Partial<HealthCheck>): HealthCheck => ({
  meetingId: 'meeting-2026-03' as MeetingId,
  memberId: 'member-lan-0001' as MemberId,
  weightKg: null,
  systolic: null,
  diastolic: null,
  glucoseMmol: null,
  takenAt: '2026-03-05',
  takenBy: 'alice',
  ...values,
});

afterEach(cleanup);

function showRow(initial?: HealthCheck, readOnly = false) {
  const [check, setCheck] = createSignal<HealthCheck | undefined>(initial);
  const written: MeasurePatch[] = [];
  const kept: [string, string][] = [];
  const commands: RowCommands = {
    // As the health doc's projection does: the written values come back as the stored check.
    record: (patch) => {
      written.push(patch);
      setCheck(stored({ ...check(), ...patch }));
      return { ok: true, value: undefined };
    },
    keep: (field, writeId) => {
      kept.push([field, writeId]);
      return { ok: true, value: undefined };
    },
  };
  render(() => (
    <I18nProvider>
      <ol>
        <HealthCheckRow
          member={LAN}
          check={check()}
          thresholds={DEFAULT_HEALTH_THRESHOLDS}
          commands={commands}
          readOnly={readOnly}
          onNext={() => {}}
        />
      </ol>
    </I18nProvider>
  ));
  const field = (label: string) => screen.getByLabelText(`${label}: Nguyễn Thị Lan`) as HTMLInputElement;
  const type = (input: HTMLInputElement, text: string) => {
    fireEvent.focus(input);
    input.value = text;
    fireEvent.input(input);
  };
  const leave = (input: HTMLInputElement, next: Element | null = null) =>
    fireEvent.blur(input, { relatedTarget: next });
  return { setCheck, written, kept, field, type, leave };
}

describe('HealthCheckRow', () => {
  it('writes a weight typed with a comma when the field is left, once', () => {
    const row = showRow();
    const weight = row.field('Cân nặng (kg)');
    row.type(weight, '52,5');
    row.leave(weight);
    row.leave(weight);
    expect(row.written).toEqual([{ weightKg: 52.5 }]);
  });

  it('writes blood pressure when both numbers are there, and says so when one is missing', () => {
    const row = showRow();
    const systolic = row.field('Huyết áp tâm thu (mmHg)');
    const diastolic = row.field('Huyết áp tâm trương (mmHg)');
    row.type(systolic, '165');
    row.leave(systolic, diastolic);
    expect(row.written).toEqual([]);
    expect(screen.queryByText(/cần cả hai số/)).toBeNull();
    row.leave(diastolic);
    expect(screen.getByText('Huyết áp cần cả hai số: tâm thu và tâm trương.')).toBeTruthy();
    row.type(diastolic, '95');
    row.leave(diastolic);
    expect(row.written).toEqual([{ systolic: 165, diastolic: 95 }]);
    expect(screen.getByTestId('health-check-flags').textContent).toBe('Cần theo dõi: Huyết áp cao');
    expect(systolic.classList.contains('measure-high')).toBe(true);
  });

  it('refuses a slip with the range and writes nothing', () => {
    const row = showRow();
    const weight = row.field('Cân nặng (kg)');
    row.type(weight, '520');
    row.leave(weight);
    expect(row.written).toEqual([]);
    expect(weight.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Số này khó đúng (từ 20 đến 200); hãy xem lại.')).toBeTruthy();
  });

  it('takes a value from another tablet into a field not being typed in, never into one being typed in', () => {
    const row = showRow(stored({ weightKg: 50 }));
    const weight = row.field('Cân nặng (kg)');
    const sugar = row.field('Đường huyết (mmol/L)');
    expect(weight.value).toBe('50');
    row.type(sugar, '6,');
    row.setCheck(stored({ weightKg: 51.5, glucoseMmol: 7 }));
    expect(weight.value).toBe('51,5');
    expect(sugar.value).toBe('6,');
  });

  it('shows an approved meeting’s values in fields that cannot be typed into', () => {
    const row = showRow(stored({ weightKg: 52.5, systolic: 120, diastolic: 80 }), true);
    for (const label of ['Cân nặng (kg)', 'Huyết áp tâm thu (mmHg)', 'Huyết áp tâm trương (mmHg)']) {
      expect(row.field(label).readOnly).toBe(true);
    }
    expect(row.field('Cân nặng (kg)').value).toBe('52,5');
  });

  it('says both values two tablets wrote, and keeps the one chosen', () => {
    const option = (id: string, value: number, name: string, at: string) => ({
      id,
      value,
      by: name,
      name,
      at,
    });
    const row = showRow(
      stored({
        weightKg: 55,
        conflicts: [
          {
            field: 'weightKg',
            options: [
              option('w1', 52.5, 'Lan', '2026-03-05T03:02:00.000Z'),
              option('w2', 55, 'Hoa', '2026-03-05T03:05:00.000Z'),
            ],
          },
        ],
      }),
    );
    const sentence = screen.getByTestId('member-conflict').textContent ?? '';
    expect(sentence).toMatch(
      /^Cân nặng \(kg\): hai máy ghi khác nhau: 52,5 \(Lan, \d+h02 05\/03\/2026\) \/ 55 \(Hoa, \d+h05 05\/03\/2026\): giữ số nào\?/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Giữ 52,5' }));
    expect(row.kept).toEqual([['weightKg', 'w1']]);
  });
});
