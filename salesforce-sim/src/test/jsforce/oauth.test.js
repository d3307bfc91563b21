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

test('web-server flow: the authorization URL jsforce builds (PKCE), login page, consent Allow, code exchange', async () => {
  const redirectUri = 'http://localhost:8081/api/oauth/callback';
  const oauth2 = new jsforce.OAuth2({
    loginUrl: SIM, clientId: 'sfinbound-pkce-key', clientSecret: 'sfinbound-pkce-secret', redirectUri, useVerifier: true,
  });
  let res = await fetch(oauth2.getAuthorizationUrl({ state: 'st-1', scope: 'api refresh_token' }), { redirect: 'manual' });
  assert.equal(res.status, 200);
  const html = await res.text();
  const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const hidden = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
    .map((m) => [m[1], unescape(m[2])]));
  assert.equal(hidden.redirect_uri, redirectUri);
  assert.ok(hidden.code_challenge, 'jsforce sent a PKCE code_challenge');
  const post = (form) => fetch(SIM + '/services/oauth2/authorize', { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
  res = await post({ ...hidden, username: USERNAME, password: 'demo-password', action: 'login' });
  if (res.status === 200) {
    // the app's users self-authorize: the consent page on the first approval
    const page = await res.text();
    assert.match(page, /Allow Access\?/);
    res = await post({ consent_id: page.match(/name="consent_id" value="([^"]+)"/)[1], action: 'allow' });
  }
  assert.equal(res.status, 302);
  const callback = new URL(res.headers.get('location'));
  assert.equal(callback.origin + callback.pathname, redirectUri);
  assert.equal(callback.searchParams.get('state'), 'st-1');
  const conn = new jsforce.Connection({ oauth2, version: VERSION });
  const userInfo = await conn.authorize(callback.searchParams.get('code'));
  assert.equal(userInfo.organizationId, expected.orgId);
  assert.ok(conn.refreshToken, 'a refresh token with the refresh_token scope');
  const users = await conn.query('SELECT Id FROM User LIMIT 2');
  assert.equal(users.records.length, 2);
});
