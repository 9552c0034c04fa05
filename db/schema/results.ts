import { bigint, boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { responseChannel, surveys } from './surveys';

// Aggregates behind the dashboards (issue 5). Updated in the submission's transaction by
// lib/results/aggregates.ts and rebuilt from the raw answers by the same module, so a dashboard
// view costs in proportion to the cells it shows, never to the responses behind them.
// Missing profile values are stored as '' (texts) and 0 (locality), since they are key columns.
// An answer's value is 0 when it has none (choices) and dont_know marks "don't know".

const count = () => bigint({ mode: 'number' }).notNull().default(0);
/** The sum of the record keys of the responses (or answers) counted in the row: its cell key, modulo 256. */
const keySum = () => bigint({ mode: 'number' }).notNull().default(0);

/** Responses per survey, commune, channel and day (Europe/Warsaw): the overview. */
export const resultsDaily = pgTable(
  'results_daily',
  {
    surveyId: uuid()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    communeId: integer().notNull(),
    channel: responseChannel().notNull(),
    day: date({ mode: 'string' }).notNull(),
    responses: count(),
    keySum: keySum(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.communeId, t.channel, t.day] })],
);

/** Responses per profile cell: the denominators of the question explorer's filters. */
export const resultsProfiles = pgTable(
  'results_profiles',
  {
    surveyId: uuid()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    communeId: integer().notNull(),
    localityId: integer().notNull(),
    ageGroup: text().notNull(),
    respondentType: text().notNull(),
    channel: responseChannel().notNull(),
    responses: count(),
    keySum: keySum(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.communeId, t.localityId, t.ageGroup, t.respondentType, t.channel] })],
);

/** Answers per survey, commune, question, item and value: every view without profile filters. */
export const resultsCells = pgTable(
  'results_cells',
  {
    surveyId: uuid()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    communeId: integer().notNull(),
    questionId: text().notNull(),
    itemKey: text().notNull(),
    value: integer().notNull(),
    dontKnow: boolean().notNull(),
    answers: count(),
    keySum: keySum(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.questionId, t.communeId, t.itemKey, t.value, t.dontKnow] })],
);

/** Answers per full profile cell: the question explorer with filters. */
export const resultsProfileCells = pgTable(
  'results_profile_cells',
  {
    surveyId: uuid()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    questionId: text().notNull(),
    communeId: integer().notNull(),
    localityId: integer().notNull(),
    ageGroup: text().notNull(),
    respondentType: text().notNull(),
    channel: responseChannel().notNull(),
    itemKey: text().notNull(),
    value: integer().notNull(),
    dontKnow: boolean().notNull(),
    answers: count(),
    keySum: keySum(),
  },
  (t) => [
    primaryKey({ columns: [t.surveyId, t.questionId, t.communeId, t.localityId, t.ageGroup, t.respondentType, t.channel, t.itemKey, t.value, t.dontKnow] }),
    index('results_profile_cells_age_idx').on(t.surveyId, t.questionId, t.ageGroup),
  ],
);

/**
 * The independent sources of a survey's open-link responses in each commune, for the padding
 * defence (lib/results/disclosure.ts): one row per source and hour — a 16-bit keyed hash of the
 * client's address and the hour, too short to tell an address back, and not linked to any
 * response. A commune's figures unlock only when its verified responses (paper, invitation codes)
 * and these sources together reach the threshold, so one client's burst cannot unlock a small group.
 */
export const resultsSources = pgTable(
  'results_sources',
  {
    surveyId: uuid()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    communeId: integer().notNull(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.communeId, t.source] })],
);

/** Surveys whose coordinator published the results: only these reach the public results page. */
export const resultsPublications = pgTable('results_publications', {
  surveyId: uuid()
    .primaryKey()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  publishedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
