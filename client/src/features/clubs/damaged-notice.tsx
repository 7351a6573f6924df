import { createSignal, type JSX, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';

/**
 * One calm line when opening a document set aside a damaged stored part: which document, and what
 * happens next (a shared club gets it back from the server). Dismissed for this visit only, since the
 * row stays set aside and the next open no longer finds it.
 */
export function DamagedNotice(props: { document: string; damaged: number; shared: boolean }): JSX.Element {
  const { t } = useI18n();
  const [dismissed, setDismissed] = createSignal(false);
  return (
    <Show when={props.damaged > 0 && !dismissed()}>
      <div class="banner banner-info" role="status" data-testid="damaged-notice">
        <span>
          {props.shared
            ? t('damaged.shared', { document: props.document })
            : t('damaged.notShared', { document: props.document })}
        </span>
        <Button variant="secondary" onClick={() => setDismissed(true)}>
          {t('damaged.dismiss')}
        </Button>
      </div>
    </Show>
  );
}
