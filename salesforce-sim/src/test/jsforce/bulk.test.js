'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { expected, login } = require('./common');

const SOQL = 'SELECT Id, Name, Rating__c, Channel__c, Comment__c, CreatedDate FROM Feedback__c';

function sameRows(rows) {
  assert.equal(rows.length, expected.feedback.length);
  const byId = new Map(rows.map((r) => [r.Id, r]));
  for (const e of expected.feedback) {
    assert.deepEqual(byId.get(e.Id), e);
  }
}

test('Bulk 2.0 query returns the generated records as CSV rows', async () => {
  const { conn } = await login();
  const rows = [];
  for await (const row of await conn.bulk2.query(SOQL)) {
    rows.push(row);
  }
  sameRows(rows);
});

test('Bulk 2.0 results page by Sforce-Locator with maxRecords until the locator is null', async () => {
  const { conn } = await login();
  const job = await conn.request({ method: 'POST', url: '/services/data/v62.0/jobs/query', body: JSON.stringify({ operation: 'query', query: SOQL }),
    headers: { 'Content-Type': 'application/json' } });
  assert.equal(job.state, 'UploadComplete');
  let info;
  for (let i = 0; i < 240; i++) {
    info = await conn.request('/services/data/v62.0/jobs/query/' + job.id);
    if (info.state === 'JobComplete') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.equal(info.state, 'JobComplete');
  assert.equal(info.numberRecordsProcessed, expected.feedback.length);
  const headers = [];
  let body = '';
  let locator = null;
  let pages = 0;
  do {
    const url = '/services/data/v62.0/jobs/query/' + job.id + '/results?maxRecords=25' + (locator ? '&locator=' + locator : '');
    const res = await fetch(conn.instanceUrl + url, { headers: { Authorization: 'Bearer ' + conn.accessToken, Accept: 'text/csv' } });
    assert.equal(res.status, 200);
    locator = res.headers.get('sforce-locator');
    headers.push(Number(res.headers.get('sforce-numberofrecords')));
    const text = await res.text();
    body += pages === 0 ? text : text.substring(text.indexOf('\n') + 1);
    pages++;
  } while (locator !== 'null');
  assert.ok(pages > 1);
  assert.equal(headers.reduce((a, b) => a + b, 0), expected.feedback.length);
  const { parse } = require('csv-parse/sync');
  sameRows(parse(body, { columns: true }));
  await conn.request({ method: 'DELETE', url: '/services/data/v62.0/jobs/query/' + job.id });
});
