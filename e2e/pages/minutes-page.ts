import { expect, type Locator, type Page } from '@playwright/test';

/** Page model for the minutes (biên bản) of one meeting. */
export class MinutesPage {
  constructor(readonly page: Page) {}

  /** From a meeting's page, through its "Biên bản" link. */
  async openFromMeeting(): Promise<void> {
    await this.page.getByRole('link', { name: 'Biên bản', exact: true }).click();
    await this.expectOpen();
  }

  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await this.expectOpen();
  }

  async expectOpen(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Biên bản cuộc họp' })).toBeVisible({
      timeout: 20_000,
    });
  }

  async expectSynced(): Promise<void> {
    await expect(this.page.locator('[data-minutes-sync]')).toHaveAttribute('data-minutes-sync', 'synced', {
      timeout: 20_000,
    });
  }

  item(title: string): Locator {
    return this.page.getByRole('listitem', { name: title });
  }

  body(title: string): Locator {
    return this.item(title).locator('.ProseMirror');
  }

  /** The item's text as written, without the remote carets' name labels drawn inside it. */
  async textOf(title: string): Promise<string> {
    return this.body(title).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => {
        caret.remove();
      });
      return copy.textContent ?? '';
    });
  }

  async expectText(title: string, text: string): Promise<void> {
    await expect.poll(() => this.textOf(title), { timeout: 15_000 }).toBe(text);
  }

  async addItem(title: string): Promise<void> {
    await this.page.getByLabel('Tên mục mới').fill(title);
    await this.page.getByRole('button', { name: '+ Thêm mục' }).click();
    await expect(this.body(title)).toBeVisible();
  }

  /** Puts the caret at the start or the end of an item's text. */
  async caretAt(title: string, where: 'start' | 'end'): Promise<void> {
    await this.body(title).click();
    await this.page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End');
  }

  /**
   * Pastes into an item's body at the caret as the browser does: a real paste event whose clipboard
   * carries `text/html` (Word, a web page) and/or `text/plain` (a chat app).
   */
  async paste(title: string, clipboard: { html?: string; text?: string }): Promise<void> {
    await this.body(title).evaluate((editor, data) => {
      const transfer = new DataTransfer();
      if (data.html !== undefined) transfer.setData('text/html', data.html);
      if (data.text !== undefined) transfer.setData('text/plain', data.text);
      editor.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, clipboard);
  }

  async choose(field: 'Chủ tọa' | 'Thư ký (người ghi biên bản)', name: string): Promise<void> {
    const region = this.page.getByRole('region', { name: 'Thông tin chung' });
    const trigger = region.getByRole('button', { name: new RegExp(`^${field.replace(/[()]/g, '\\$&')}`) });
    // A click during the list's opening animation can close it again: retry until chosen.
    await expect(async () => {
      if (!(await this.page.getByRole('listbox').isVisible())) await trigger.click();
      await this.page.getByRole('option', { name }).click({ timeout: 2_000 });
      await expect(trigger).toContainText(name, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }

  /** Says who uses this tablet (issue 12 §4): only the person the minutes name for a role may sign it. */
  async usePerson(name: string): Promise<void> {
    const trigger = this.page
      .getByTestId('tablet-person')
      .getByRole('button', { name: /^Người dùng máy này/ });
    // A click during the list's opening animation can close it again: retry until chosen.
    await expect(async () => {
      if (!(await this.page.getByRole('listbox').isVisible())) await trigger.click();
      await this.page.getByRole('option', { name }).click({ timeout: 2_000 });
      await expect(trigger).toContainText(name, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }

  /** Signs for `role`, as `person` when given (else as the person this tablet is already set to). */
  async approveAs(role: 'Chủ tọa' | 'Thư ký', person?: string): Promise<void> {
    if (person !== undefined) await this.usePerson(person);
    await this.page
      .getByTestId('approval')
      .getByRole('button', { name: `${role} ký duyệt` })
      .click();
  }

  async expectApproved(): Promise<void> {
    await expect(this.page.getByTestId('minutes-status')).toHaveAttribute('data-status', 'approved');
    for (const body of await this.page.locator('.ProseMirror').all()) {
      await expect(body).toHaveAttribute('contenteditable', 'false');
    }
    await expect(this.page.getByRole('button', { name: '+ Thêm mục' })).toBeDisabled();
  }

  async showPrintView(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Xem bản in' }).click();
    const sheet = this.page.getByTestId('minutes-print');
    await expect(sheet).toBeVisible();
    return sheet;
  }
}
