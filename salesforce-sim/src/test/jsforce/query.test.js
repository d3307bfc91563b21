'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { expected, login } = require('./common');

test('query with autoFetch follows nextRecordsUrl across pages and returns the generated records', async () => {
  const { conn } = await login();
  const res = await conn.query('SELECT Id, Seq, ActorType FROM ConversationEntry ORDER BY SystemModstamp, Id', { autoFetch: true, maxFetch: 1000000 });
  assert.ok(expected.entries.length > 2000, 'the data set must span several 2,000-record pages');
  assert.equal(res.totalSize, expected.entries.length);
  assert.equal(res.done, true);
  assert.deepEqual(res.records.map((r) => r.Id), expected.entries);
  assert.equal(res.records[0].attributes.type, 'ConversationEntry');
});

test('a smaller batch size (Sforce-Query-Options) pages the same records', async () => {
  const { conn } = await login();
  const pages = [];
  let res = await conn.request({ method: 'GET', url: '/services/data/v62.0/query?q=' + encodeURIComponent('SELECT Id FROM ConversationEntry ORDER BY SystemModstamp, Id'),
    headers: { 'Sforce-Query-Options': 'batchSize=500' } });
  pages.push(res);
  while (!res.done) {
    res = await conn.request(res.nextRecordsUrl);
    pages.push(res);
  }
  assert.equal(pages[0].records.length, 500);
  assert.deepEqual(pages.flatMap((p) => p.records.map((r) => r.Id)), expected.entries);
});

test('record values, relationships and datetimes are those generated', async () => {
  const { conn } = await login();
  const res = await conn.query('SELECT Id, Name, Owner.Name, ChatDuration, StartTime, IsChatbotSession, Body FROM LiveChatTranscript ORDER BY Id LIMIT 5');
  assert.equal(res.records.length, 5);
  res.records.forEach((r, i) => {
    const e = expected.transcripts[i];
    assert.equal(r.Id, e.Id);
    assert.equal(r.Name, e.Name);
    assert.equal(r.Owner.Name, e.OwnerName);
    assert.equal(r.ChatDuration, e.ChatDuration);
    assert.equal(r.StartTime, e.StartTime);
    assert.equal(r.IsChatbotSession, e.IsChatbotSession);
    assert.equal(r.Body, e.Body);
    assert.match(r.Body, /^<p align="center">Chat Started: /);
  });
});

test('queryAll (scanAll) also returns soft-deleted records, continuing under /query/', async () => {
  const { conn } = await login();
  const visible = await conn.query('SELECT Id FROM Case', { autoFetch: true, maxFetch: 100000 });
  assert.equal(visible.totalSize, expected.caseVisible);
  const all = await conn.query('SELECT Id, IsDeleted FROM Case', { autoFetch: true, maxFetch: 100000, scanAll: true });
  assert.equal(all.totalSize, expected.caseAll);
  assert.deepEqual(all.records.filter((r) => r.IsDeleted).map((r) => r.Id).sort(), [...expected.caseDeletedIds].sort());
});

test('a bad query fails with Salesforce error codes', async () => {
  const { conn } = await login();
  await assert.rejects(conn.query('SELECT Id, Nope FROM Case'), (err) => err.errorCode === 'INVALID_FIELD' && /No such column 'Nope'/.test(err.message));
  await assert.rejects(conn.query('SELECT Id FORM Case'), (err) => err.errorCode === 'MALFORMED_QUERY');
});
