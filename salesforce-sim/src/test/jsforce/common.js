'use strict';
// Shared setup of the jsforce fidelity suite: the simulator's URL and the expected (generated) data come from the
// JUnit test that runs this suite (JsforceFidelityTest).
const fs = require('node:fs');
const jsforce = require('jsforce');

const SIM = process.env.SIM_URL;
if (!SIM) {
  throw new Error('SIM_URL is not set: run this suite through JsforceFidelityTest (mvn -pl salesforce-sim verify)');
}
const expected = JSON.parse(fs.readFileSync(process.env.SIM_EXPECTED, 'utf8'));

const CLIENT_ID = 'sfinbound-demo-key';
const CLIENT_SECRET = 'sfinbound-demo-secret';
const USERNAME = 'demo@sfinbound.example';
const PASSWORD = 'demo-passwordDEMOTOKEN';
const VERSION = '62.0';

/** A connection logged in with the OAuth username-password flow. */
async function login() {
  const conn = new jsforce.Connection({
    oauth2: { loginUrl: SIM, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    version: VERSION,
  });
  const userInfo = await conn.login(USERNAME, PASSWORD);
  conn.bulk2.pollInterval = 500;
  conn.bulk2.pollTimeout = 120000;
  return { conn, userInfo };
}

/** Calls the simulator's admin API (not part of Salesforce). */
async function admin(path, body) {
  const res = await fetch(SIM + '/admin/' + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body || {}),
  });
  if (!res.ok) {
    throw new Error('admin ' + path + ' failed: ' + res.status + ' ' + (await res.text()));
  }
  return res.json();
}

module.exports = { jsforce, SIM, expected, login, admin, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD, VERSION };
