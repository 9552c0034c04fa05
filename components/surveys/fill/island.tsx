import { hydrateRoot } from 'react-dom/client';
import { IntlProvider } from 'use-intl';
import { formats } from '@/lib/i18n/formats';
import { TIME_ZONE } from '@/lib/i18n/locales';
import { DeviceWorker } from '../device-worker';
import { ISLAND_DATA, ISLAND_ROOT, type IslandData } from './island-data';
import { SurveyFill } from './survey-fill';

// The survey page's only script (bundled by scripts/build-survey-client.ts, not by Next.js): it
// brings the server-rendered questionnaire to life in place — steps checked and moved here,
// answers kept on the phone, sending queued while offline — with React and nothing of the
// framework, so a rural phone downloads about half of what an App Router page costs. Without it
// (an old browser, no JavaScript) the same form posts each step to the server.
const root = document.getElementById(ISLAND_ROOT);
const data = document.getElementById(ISLAND_DATA);
if (root && data?.textContent) {
  const { locale, messages, props } = JSON.parse(data.textContent) as IslandData;
  hydrateRoot(
    root,
    <IntlProvider locale={locale} messages={messages} timeZone={TIME_ZONE} formats={formats}>
      <SurveyFill {...props} />
      <DeviceWorker />
    </IntlProvider>,
  );
}
