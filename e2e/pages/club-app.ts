import { expect, type Page } from '@playwright/test';

/** Page model for Chung Tay: one method per thing a committee member does. */
export class ClubApp {
  constructor(readonly page: Page) {}

  async start(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('button', { name: 'Tạo câu lạc bộ mới' })).toBeVisible();
  }

  async createClub(name: string, yourName = 'Nguyễn Thị Hoa'): Promise<void> {
    await this.page.getByRole('button', { name: 'Tạo câu lạc bộ mới' }).click();
    await this.page.getByLabel('Tên của bạn (người dùng máy này)').fill(yourName);
    await this.page.getByLabel('Tên câu lạc bộ').fill(name);
    await this.page.getByLabel('Xã, phường, thị trấn').fill('xã Nga Thạch');
    await this.page.getByRole('button', { name: 'Tạo câu lạc bộ' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sổ thành viên' })).toBeVisible();
    await this.expectSaved();
  }

  async openSample(): Promise<void> {
    await this.page.getByRole('button', { name: 'Xem câu lạc bộ mẫu' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sổ thành viên' })).toBeVisible();
  }

  async addMember(member: {
    name: string;
    birthYear?: string;
    phone?: string;
    hamlet?: string;
    gender?: 'Nữ' | 'Nam';
  }): Promise<void> {
    await this.page.getByRole('button', { name: '+ Thêm thành viên' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Họ và tên').fill(member.name);
    if (member.gender) {
      const gender = dialog.getByRole('radiogroup', { name: 'Giới tính' });
      await gender.getByText(member.gender, { exact: true }).click();
      await expect(gender.getByRole('radio', { name: member.gender, exact: true })).toBeChecked();
    }
    if (member.birthYear) await dialog.getByLabel('Năm sinh').fill(member.birthYear);
    if (member.phone) await dialog.getByLabel('Số điện thoại').fill(member.phone);
    if (member.hamlet) await dialog.getByLabel('Thôn, ấp').fill(member.hamlet);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.memberLink(member.name)).toBeVisible();
  }

  memberLink(name: string) {
    return this.page
      .getByRole('list', { name: 'Sổ thành viên' })
      .getByRole('link', { name: new RegExp(name) });
  }

  async goTo(tab: 'Thành viên' | 'Nhóm' | 'Sinh hoạt' | 'Chỉ số' | 'Cài đặt'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: tab, exact: true }).click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Tìm thành viên').fill(text);
  }

  groupCard(name: string) {
    return this.page.getByRole('article', { name });
  }

  async assignToGroup(group: string, memberName: string): Promise<void> {
    const card = this.groupCard(group);
    await card.getByRole('combobox').fill(memberName.split(' ').pop() ?? memberName);
    await this.page.getByRole('option', { name: memberName }).click();
    await expect(card.getByText(memberName)).toBeVisible();
  }

  async addMeeting(date: string, place: string): Promise<void> {
    await this.page.getByRole('button', { name: '+ Thêm buổi sinh hoạt' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Ngày').fill(date);
    await dialog.getByLabel('Địa điểm').fill(place);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(this.page.getByRole('heading', { name: 'Điểm danh' })).toBeVisible();
  }

  async markAttendance(memberName: string, status: 'Có mặt' | 'Vắng có phép' | 'Vắng'): Promise<void> {
    const group = this.page.getByRole('radiogroup', { name: `Điểm danh: ${memberName}` });
    await group.getByText(status, { exact: true }).click();
    await expect(group.getByRole('radio', { name: status, exact: true })).toBeChecked();
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
  }

  /** Waits until the service worker controls the page, so the shell works offline. */
  async waitForServiceWorker(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    if (!(await this.page.evaluate(() => !!navigator.serviceWorker.controller))) {
      await this.page.reload();
    }
    await expect.poll(() => this.page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  }
}

/** Sharing and joining, for the sync scenarios. */
export class SharePage {
  constructor(readonly page: Page) {}

  async startSharing(): Promise<{ editor: string; viewer: string }> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Chia sẻ', exact: true }).click();
    await this.page.getByRole('button', { name: 'Bắt đầu chia sẻ và đồng bộ' }).click();
    const editor = await this.page.getByTestId('editor-invite').locator('input').inputValue();
    const viewer = await this.page.getByTestId('viewer-invite').locator('input').inputValue();
    return { editor, viewer };
  }

  async join(link: string, name: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByLabel('Tên của bạn (người dùng máy này)').fill(name);
    await this.page.getByRole('button', { name: 'Tham gia' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sổ thành viên' })).toBeVisible();
  }

  /** A viewer (supervisor) invite opens the supervisor's screen: totals, never the club's people. */
  async joinAsViewer(link: string, name: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByLabel('Tên của bạn (người dùng máy này)').fill(name);
    await this.page.getByRole('button', { name: 'Tham gia' }).click();
    await expect(this.page.getByRole('heading', { name: 'Các câu lạc bộ theo dõi' })).toBeVisible();
  }

  async expectSynced(): Promise<void> {
    await expect(this.page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'synced', {
      timeout: 20_000,
    });
  }
}
