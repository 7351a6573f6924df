import type { JSX } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';

export function LanguageSwitch(): JSX.Element {
  const { t, locale, setLocale } = useI18n();
  return (
    <Button
      variant="quiet"
      class="language-switch"
      aria-label={t('app.language')}
      onClick={() => setLocale(locale() === 'vi' ? 'en' : 'vi')}
    >
      {t('app.switchTo')}
    </Button>
  );
}
