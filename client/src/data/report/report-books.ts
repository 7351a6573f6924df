import type { CareView, ClubKind, HealthView, MoneyView } from '@chungtay/model';
import * as model from '@chungtay/model';
import { type Accessor, createSignal } from 'solid-js';
import { openCareSession } from '../care/care-session';
import type { ClubSession } from '../club/club-session';
import { openHealthSession } from '../health/health-session';
import { openMoneySession } from '../money/money-session';

/** The club's private books the report's figures come from, as this tablet holds them. */
export interface ReportBookViews {
  readonly health: Accessor<HealthView | null>;
  readonly money: Accessor<MoneyView | null>;
  readonly care: Accessor<CareView | null>;
  close(): Promise<void>;
}

/**
 * Opens the health, money and home-care books alongside the report, on committee tablets only (the
 * relay's own rule, `ClubSession.canOpen`). A book that fails to open stays null: the report shows
 * and freezes what the tablet has, and its section of figures is left out rather than shown as zero.
 */
export function openReportBooks(club: ClubSession): ReportBookViews {
  const [health, setHealth] = createSignal<HealthView | null>(null);
  const [money, setMoney] = createSignal<MoneyView | null>(null);
  const [care, setCare] = createSignal<CareView | null>(null);
  const closers: (() => Promise<void>)[] = [];
  let closed = false;
  const options = { canEditClub: club.canEdit, accessChanges: club.onAccessChange };
  const keep = <S extends { view: V; close(): Promise<void> }, V>(opening: Promise<S>, set: (v: V) => void) =>
    opening
      .then((session) => {
        if (closed) return void session.close();
        closers.push(() => session.close());
        set(session.view);
      })
      .catch(() => undefined);
  const clubId = club.clubId as model.ClubId;
  if (club.canOpen(model.healthDocName(clubId)))
    void keep(openHealthSession(club.clubId, club.author, options), (v: HealthView) => setHealth(() => v));
  if (club.canOpen(model.moneyDocName(clubId)))
    void keep(
      openMoneySession(club.clubId, club.club.profile.kind as ClubKind, club.author, options),
      (v: MoneyView) => setMoney(() => v),
    );
  if (club.canOpen(model.careDocName(clubId)))
    void keep(openCareSession(club.clubId, club.author, options), (v: CareView) => setCare(() => v));
  return {
    health,
    money,
    care,
    async close() {
      closed = true;
      await Promise.all(closers.map((close) => close()));
    },
  };
}
