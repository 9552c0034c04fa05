import { describe, expect, it } from 'vitest';
import {
  ANSWERS_KEPT_MS,
  clearDraft,
  forgetReceipt,
  loadDraft,
  markSent,
  queueSubmission,
  queuedSubmissions,
  RECEIPT_KEPT_MS,
  saveDraft,
  sentReceipt,
  surveyVersion,
} from './store';
import { MemoryStorage } from './test-storage';

const key = { slug: 'diagnoza', version: 'v1' };
const T0 = Date.UTC(2026, 11, 4, 12);
const draft = (submissionId: string, answers: Record<string, unknown> = { q1: 3 }) => ({ submissionId, consent: true, answers, step: 2 });

describe('a questionnaire in progress on the device', () => {
  it('comes back after a reload, for the same survey version and mode only', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, 'online', key, draft('a'), T0);
    expect(loadDraft(storage, 'online', key, T0 + 1000)).toEqual({ savedAt: T0, draft: draft('a') });
    expect(loadDraft(storage, 'online', { ...key, version: 'v2' }, T0)).toBeNull();
    expect(loadDraft(storage, 'paper', key, T0)).toBeNull();
    expect(loadDraft(storage, 'online', { ...key, slug: 'inna' }, T0)).toBeNull();
  });

  it('is forgotten 30 days after its last change', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, 'online', key, draft('a'), T0);
    expect(loadDraft(storage, 'online', key, T0 + ANSWERS_KEPT_MS)).not.toBeNull();
    expect(loadDraft(storage, 'online', key, T0 + ANSWERS_KEPT_MS + 1)).toBeNull();
    expect(storage.keys()).toEqual([]);
  });

  it('"start again" deletes it', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, 'online', key, draft('a'), T0);
    clearDraft(storage, 'online', key);
    expect(storage.keys()).toEqual([]);
  });

  it('something unreadable under its key is dropped, not offered', () => {
    const storage = new MemoryStorage();
    storage.setItem('agora-survey:draft:online:diagnoza:v1', '{not json');
    expect(loadDraft(storage, 'online', key, T0)).toBeNull();
    storage.setItem('agora-survey:draft:online:diagnoza:v1', JSON.stringify({ savedAt: 'yesterday', draft: {} }));
    expect(loadDraft(storage, 'online', key, T0)).toBeNull();
    expect(storage.keys()).toEqual([]);
  });

  it('a draft the form kept before versions moves under the current version', () => {
    const storage = new MemoryStorage();
    storage.setItem('agora-survey:online:diagnoza', JSON.stringify(draft('old')));
    expect(loadDraft(storage, 'online', key, T0)).toEqual({ savedAt: T0, draft: draft('old') });
    expect(storage.keys()).toEqual(['agora-survey:draft:online:diagnoza:v1']);
  });

  it('a full or disabled storage: saving says no, and nothing breaks', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(saveDraft(storage, 'online', key, draft('a'), T0)).toBe(false);
    expect(loadDraft(storage, 'online', key, T0)).toBeNull();
    expect(queueSubmission(storage, key.slug, { submissionId: 'a', payload: {} }, T0)).toBe(false);
  });
});

describe('the outbox and the receipt', () => {
  it('queues each submission id once, oldest first', () => {
    const storage = new MemoryStorage();
    queueSubmission(storage, 'diagnoza', { submissionId: 'a', payload: { n: 1 } }, T0);
    queueSubmission(storage, 'diagnoza', { submissionId: 'b', payload: { n: 2 } }, T0 + 1);
    queueSubmission(storage, 'diagnoza', { submissionId: 'a', payload: { n: 3 } }, T0 + 2);
    expect(queuedSubmissions(storage, 'diagnoza', T0 + 3).map((e) => [e.submissionId, e.payload])).toEqual([
      ['b', { n: 2 }],
      ['a', { n: 3 }],
    ]);
    expect(queuedSubmissions(storage, 'inna', T0)).toEqual([]);
  });

  it('a confirmed send leaves only a receipt without answers: the outbox entry and the draft go', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, 'online', key, draft('a', { q1: 'tajne' }), T0);
    saveDraft(storage, 'online', { ...key, version: 'v0' }, draft('a'), T0);
    saveDraft(storage, 'online', { ...key, slug: 'inna' }, draft('a'), T0);
    queueSubmission(storage, 'diagnoza', { submissionId: 'a', payload: { answers: { q1: 'tajne' } } }, T0);
    const receipt = markSent(storage, 'diagnoza', 'a', T0 + 5);
    expect(receipt).toEqual({ submissionId: 'a', sentAt: T0 + 5 });
    expect(storage.keys().sort()).toEqual(['agora-survey:draft:online:inna:v1', 'agora-survey:sent:diagnoza']);
    expect(storage.getItem('agora-survey:sent:diagnoza')).not.toContain('tajne');
    expect(sentReceipt(storage, 'diagnoza', T0 + 6)).toEqual(receipt);
  });

  it('a draft of a newer questionnaire (another submission id) survives the older one being sent', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, 'online', key, draft('b'), T0);
    queueSubmission(storage, 'diagnoza', { submissionId: 'a', payload: {} }, T0);
    markSent(storage, 'diagnoza', 'a', T0);
    expect(loadDraft<{ submissionId: string }>(storage, 'online', key, T0)?.draft.submissionId).toBe('b');
  });

  it('queued answers are dropped after 30 days; the receipt after a year; forgetting it is possible', () => {
    const storage = new MemoryStorage();
    queueSubmission(storage, 'diagnoza', { submissionId: 'a', payload: {} }, T0);
    expect(queuedSubmissions(storage, 'diagnoza', T0 + ANSWERS_KEPT_MS + 1)).toEqual([]);
    expect(storage.keys()).toEqual([]);
    markSent(storage, 'diagnoza', 'a', T0);
    expect(sentReceipt(storage, 'diagnoza', T0 + RECEIPT_KEPT_MS)).not.toBeNull();
    expect(sentReceipt(storage, 'diagnoza', T0 + RECEIPT_KEPT_MS + 1)).toBeNull();
    markSent(storage, 'diagnoza', 'a', T0);
    forgetReceipt(storage, 'diagnoza');
    expect(sentReceipt(storage, 'diagnoza', T0)).toBeNull();
  });
});

describe('the version of a survey', () => {
  it('follows its questions: equal definitions agree, any change differs', () => {
    const definition = { sections: [{ id: 's1', questions: [{ id: 'q1', type: 'single', options: ['a', 'b'] }] }] };
    expect(surveyVersion(definition)).toBe(surveyVersion(structuredClone(definition)));
    const changed = structuredClone(definition);
    changed.sections[0]!.questions[0]!.options.push('c');
    expect(surveyVersion(changed)).not.toBe(surveyVersion(definition));
    expect(surveyVersion(definition)).toMatch(/^[0-9a-z]{1,7}$/);
  });
});
