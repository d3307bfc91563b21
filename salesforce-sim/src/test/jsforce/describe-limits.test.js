'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { expected, login } = require('./common');

test('describe gives the fields with their types and flags', async () => {
  const { conn } = await login();
  const d = await conn.describe('LiveChatTranscript');
  assert.equal(d.name, 'LiveChatTranscript');
  assert.deepEqual(d.fields.map((f) => ({ name: f.name, type: f.type, length: f.length, filterable: f.filterable })), expected.describe);
  const g = await conn.describeGlobal();
  assert.deepEqual(g.sobjects.map((s) => s.name).sort(), [...expected.objects].sort());
});

test('limits give the daily API quota and every response updates limitInfo', async () => {
  const { conn } = await login();
  const limits = await conn.limits();
  assert.equal(limits.DailyApiRequests.Max, expected.dailyApiMax);
  assert.ok(limits.DailyApiRequests.Remaining < expected.dailyApiMax);
  await conn.query('SELECT Id FROM User LIMIT 1');
  assert.equal(conn.limitInfo.apiUsage.limit, expected.dailyApiMax);
  assert.ok(conn.limitInfo.apiUsage.used > 0);
});
