'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { jsforce, SIM, expected, login, admin, CLIENT_ID, CLIENT_SECRET, USERNAME, VERSION } = require('./common');

test('OAuth username-password login gives the org, the user and the instance URL', async () => {
  const { conn, userInfo } = await login();
  assert.equal(userInfo.organizationId, expected.orgId);
  assert.equal(userInfo.id, expected.userId);
  assert.equal(conn.instanceUrl, SIM);
  assert.match(conn.accessToken, /^00D\w{12}!/);
  const identity = await conn.identity();
  assert.equal(identity.username, USERNAME);
  assert.equal(identity.organization_id, expected.orgId);
});

test('a wrong password is an invalid_grant authentication failure', async () => {
  const conn = new jsforce.Connection({ oauth2: { loginUrl: SIM, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, version: VERSION });
  await assert.rejects(conn.login(USERNAME, 'wrong'), (err) => {
    assert.equal(err.name, 'invalid_grant');
    assert.equal(err.message, 'authentication failure');
    return true;
  });
});

test('access-token login with an instance URL queries; an unknown token is INVALID_SESSION_ID', async () => {
  const { conn: first } = await login();
  const conn = new jsforce.Connection({ instanceUrl: SIM, accessToken: first.accessToken, version: VERSION });
  const res = await conn.query('SELECT Id FROM User LIMIT 3');
  assert.equal(res.records.length, 3);
  const bad = new jsforce.Connection({ instanceUrl: SIM, accessToken: '00D000000000000!nope', version: VERSION });
  await assert.rejects(bad.query('SELECT Id FROM User'), (err) => {
    assert.equal(err.errorCode, 'INVALID_SESSION_ID');
    return true;
  });
});

test('after all sessions expire, a password-login connection logs in again and retries', async () => {
  const { conn } = await login();
  const before = conn.accessToken;
  await admin('sessions/expire');
  const res = await conn.query('SELECT Id FROM Account LIMIT 1');
  assert.equal(res.records.length, 1);
  assert.notEqual(conn.accessToken, before);
});

test('logout revokes the token', async () => {
  const { conn } = await login();
  const token = conn.accessToken;
  await conn.logout();
  const again = new jsforce.Connection({ instanceUrl: SIM, accessToken: token, version: VERSION });
  await assert.rejects(again.query('SELECT Id FROM User LIMIT 1'), (err) => err.errorCode === 'INVALID_SESSION_ID');
});
