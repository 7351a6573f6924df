import type { Member, MemberId } from '@chungtay/model';
import type { ClubSession } from '../../data/club/club-session';
import { type TabletSigner, tabletSigner } from '../../device/signing-key';
import type { I18n } from '../../i18n/i18n-context';
import { showToast } from '../../ui/toast/toast';

/**
 * This tablet's signer for the chair: its key registered in the club doc under the chair (as the minutes
 * register it under the person signing), or null with the reason said in a toast.
 */
export async function chairSigner(
  club: Pick<ClubSession, 'commands'>,
  chair: Member,
  i18n: I18n,
): Promise<TabletSigner | null> {
  try {
    const signer = await tabletSigner();
    const registered = club.commands.registerTabletKey({
      tablet: signer.tablet,
      publicKey: signer.publicKey,
      person: chair.id as MemberId,
    });
    if (registered.ok) return signer;
    const key = registered.error.type === 'keyTaken' ? 'signatures.keyTaken' : 'report.approveFailed';
    showToast(i18n.t(key), 'error');
  } catch (error) {
    showToast(i18n.t('signatures.signFailed', { reason: String(error) }), 'error');
  }
  return null;
}
