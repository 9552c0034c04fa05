import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, getConnection, postgresConnection, replicaDb, rows, type Connection } from '@/db/client';
import { communes, resultsDaily, resultsPublications } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { changeSurveyStatus, createSurvey, submitResponse } from '@/lib/surveys/mutations';
import { makePlaces, makeUser, smallSurveyForm, validPayload } from '@/lib/surveys/test-helpers';
import { forgetRemembered } from './remembered';
import { setResultsPublished } from './mutations';
import { getOverview, listResultSurveys } from './queries';

// DATABASE_REPLICA_URLS: the dashboards' aggregate reads go to a replica, writes and the access
// decision to the primary. On PostgreSQL the "replica" is a second database made as a copy of the
// primary and then changed, so every figure shows which of the two it was read from.

const serverUrl = process.env.AGORA_TEST_DRIVER === 'pglite' ? undefined : process.env.TEST_DATABASE_URL;

describe('without replicas', () => {
  it('reads everything from the one database (always so on PGlite)', async () => {
    const connection = getConnection();
    if (connection.driver === 'pglite') expect(connection.replicas).toBe(connection.db);
    await makePlaces();
    const [read] = await replicaDb.select({ name: sql<string>`current_database()` }).from(communes).limit(1);
    const [primary] = rows<{ name: string }>(await db.execute(sql`select current_database() as name`));
    expect(read!.name).toBe(primary!.name);
  });
});

describe.skipIf(!serverUrl)('with a replica (PostgreSQL)', () => {
  let slug: string;
  let surveyId: string;
  let coordinator: CurrentUser;
  let primaryName: string;
  let replicaName: string;
  let replicaUrl: string;
  let admin: postgres.Sql;

  beforeAll(async () => {
    const { communeA } = await makePlaces();
    coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const created = await createSurvey({ actor: coordinator, input: smallSurveyForm(`replika-${communeA}`, 'open_link', [communeA]) });
    await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'publish' });
    slug = created.slug;
    surveyId = created.id;
    for (let i = 1; i <= 10; i++) {
      await submitResponse({ slug, payload: validPayload(communeA), context: { actor: null, channel: 'online', clientAddress: `10.7.0.${i}` } });
    }
    await setResultsPublished({ actor: coordinator, surveyId, publish: true });

    // The copy needs the primary to itself: close the app's pool, copy, then open the app's
    // connection again with the copy as its replica, and make the copy's figures differ.
    const primaryUrl = process.env.DATABASE_URL!;
    primaryName = new URL(primaryUrl).pathname.slice(1);
    replicaName = `${primaryName}_replica`;
    await getConnection().close();
    admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${replicaName} template ${primaryName}`);
    const url = new URL(primaryUrl);
    url.pathname = `/${replicaName}`;
    replicaUrl = url.toString();
    const replica = postgres(replicaUrl, { max: 1, onnotice: () => {} });
    await replica`update results_daily set responses = responses + 1000 where survey_id = ${surveyId}`;
    await replica.end();
    const connection: Connection = postgresConnection(primaryUrl, { max: 2, replicaUrls: [replicaUrl] });
    (globalThis as { agoraConnection?: Connection }).agoraConnection = connection;
    forgetRemembered();
  }, 120_000);

  afterAll(async () => {
    if (!admin) return;
    await admin.unsafe(`drop database if exists ${replicaName} with (force)`);
    await admin.end();
  });

  it('sends replicaDb selects to the replica and everything else to the primary', async () => {
    const [read] = await replicaDb.select({ name: sql<string>`current_database()` }).from(communes).limit(1);
    expect(read!.name).toBe(replicaName);
    // withReplicas sends execute (raw SQL) and writes to the primary, even through replicaDb.
    expect(rows<{ name: string }>(await replicaDb.execute(sql`select current_database() as name`))[0]!.name).toBe(primaryName);
    const [primaryRead] = await db.select({ name: sql<string>`current_database()` }).from(communes).limit(1);
    expect(primaryRead!.name).toBe(primaryName);
    // The replica's pool is named, so an operator sees it in pg_stat_activity.
    const names = await admin`select distinct application_name from pg_stat_activity where datname = ${replicaName}`;
    expect(names.map((r) => r.application_name)).toContain('agora-replica-reads');
  });

  it("shows the dashboards' figures from the replica", async () => {
    const [primaryDaily] = await db.select({ n: sql<number>`sum(${resultsDaily.responses})::int` }).from(resultsDaily).where(eq(resultsDaily.surveyId, surveyId));
    expect(primaryDaily!.n).toBe(10);
    const overview = await getOverview({ actor: null, slug });
    // 1,010 on the replica (give or take the disclosure control's small perturbation), 10 on the primary.
    expect(overview.county.total).toBeGreaterThan(1000);
  });

  it('writes a withdrawal to the primary, and the public loses the results at once though the replica still says published', async () => {
    await setResultsPublished({ actor: coordinator, surveyId, publish: false });
    expect(await db.select().from(resultsPublications).where(eq(resultsPublications.surveyId, surveyId))).toHaveLength(0);
    const replica = postgres(replicaUrl, { max: 1, onnotice: () => {} });
    const stillThere = await replica`select 1 from results_publications where survey_id = ${surveyId}`;
    await replica.end();
    expect(stillThere).toHaveLength(1);
    await expect(getOverview({ actor: null, slug })).rejects.toMatchObject({ code: 'not_found:survey' });
    expect((await listResultSurveys({ actor: null })).map((s) => s.id)).not.toContain(surveyId);
    // Those who may see unpublished results still get the replica's figures.
    expect((await getOverview({ actor: coordinator, slug })).county.total).toBeGreaterThan(1000);
  });
});
