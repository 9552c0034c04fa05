import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { FeedLabels } from './feed';

/** The words of a calendar file in the request's language (Polish for calendar apps). */
export async function feedLabels(calendarName?: { commune: string }): Promise<FeedLabels> {
  const t = await getTranslations('meetings');
  return {
    calendarName: calendarName ? t('feed.communeName', calendarName) : t('feed.countyName'),
    agenda: t('feed.agenda'),
    online: t('feed.online'),
    county: t('county'),
    typeName: (type) => t(`types.${type as 'workshop'}`),
  };
}
