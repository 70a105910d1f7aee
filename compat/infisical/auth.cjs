// Compatibility suite: the official Infisical Node SDK (@infisical/sdk 5.0.2), unmodified, against Latchkey.
// Machine identities and their logins (specs/infisical.md sections 3, 6): an identity with universal auth is
// set up over REST with the bootstrap's admin token, then the SDK logs in, creates a project and an
// environment, renews; revoke goes over REST (the SDK has no revoke). Negative paths: a revoked token, a
// wrong secret, an exhausted client secret and a locked-out client id are refused with 401.
// Exits non-zero on the first failed expectation. Environment: LATCHKEY_URL, LATCHKEY_ADMIN_TOKEN,
// LATCHKEY_ORG_ID.
'use strict'
const { InfisicalSDK } = require('@infisical/sdk')

const URL_ = process.env.LATCHKEY_URL
const ADMIN = process.env.LATCHKEY_ADMIN_TOKEN
const ORG = process.env.LATCHKEY_ORG_ID
let step = 0

function log(msg) {
  step++
  console.log(`[${step}] ${msg}`)
}

function expect(cond, msg) {
  if (!cond) {
    throw new Error(`expectation failed: ${msg}`)
  }
}

/**
 * Awaits a call that must fail with the SDK's error carrying the status ("[StatusCode=NNN]", which callers
 * parse); returns the error. renew() wraps the request error once more, as an InfisicalSDKError.
 */
async function expectStatus(promise, status, msg) {
  try {
    await promise
  } catch (e) {
    expect(['InfisicalSDKRequestError', 'InfisicalSDKError'].includes(e.name), `${msg}: ${e.name}: ${e.message}`)
    expect(e.message.includes(`[StatusCode=${status}]`), `${msg}: expected ${status}, got ${e.message}`)
    return e
  }
  throw new Error(`expectation failed: ${msg}: the call succeeded`)
}

/** A REST call with the admin token (the SDK has no identity administration). */
async function rest(method, path, body, token = ADMIN) {
  const headers = { Authorization: `Bearer ${token}` }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
  }
  const r = await fetch(`${URL_}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const json = await r.json()
  return { status: r.status, json }
}

async function restOk(method, path, body) {
  const r = await rest(method, path, body)
  expect(r.status === 200, `${method} ${path} answered ${r.status}: ${JSON.stringify(r.json)}`)
  return r.json
}

/** An identity with universal auth; returns { identityId, clientId }. */
async function identityWithUniversalAuth(name, settings) {
  const { identity } = await restOk('POST', '/api/v1/identities', { name, organizationId: ORG, role: 'member' })
  const { identityUniversalAuth: ua } = await restOk('POST', `/api/v1/auth/universal-auth/identities/${identity.id}`, settings)
  expect(ua.clientId && ua.lockoutThreshold === 3 && ua.lockoutDurationSeconds === 300, 'universal auth with lockout defaults')
  return { identityId: identity.id, clientId: ua.clientId }
}

async function clientSecret(identityId, settings = {}) {
  const r = await restOk('POST', `/api/v1/auth/universal-auth/identities/${identityId}/client-secrets`, settings)
  expect(typeof r.clientSecret === 'string' && r.clientSecretData.id, 'client secret shown once with its data')
  return r.clientSecret
}

async function loggedIn(clientId, secret) {
  const sdk = new InfisicalSDK({ siteUrl: URL_ })
  await sdk.auth().universalAuth.login({ clientId, clientSecret: secret })
  return sdk
}

async function main() {
  log('create an identity with universal auth and a client secret over REST')
  const ci = await identityWithUniversalAuth('compat-ci', { accessTokenTTL: 600, accessTokenMaxTTL: 7200 })
  const secret = await clientSecret(ci.identityId, { description: 'compat' })

  log('log in through the SDK: auth().universalAuth.login({ clientId, clientSecret })')
  const sdk = await loggedIn(ci.clientId, secret)
  const first = sdk.auth().getAccessToken()
  expect(typeof first === 'string' && first.split('.').length === 3, 'the SDK holds a JWT access token')

  log('projects().create and environments().create with the logged-in SDK')
  const project = await sdk.projects().create({ projectName: 'compat-auth', type: 'secret-manager' })
  expect(/^P[0-9A-Za-z]{27}$/.test(project.id), `project id form: ${project.id}`)
  expect(project.environments.map((e) => e.slug).join(',') === 'dev,staging,prod', 'default environments')
  const env = await sdk.environments().create({ projectId: project.id, name: 'QA', slug: 'qa' })
  expect(env.slug === 'qa' && env.projectId === project.id, `environment: ${JSON.stringify(env)}`)
  const { workspace } = await restOk('GET', `/api/v1/workspace/${project.id}`)
  expect(workspace.environments.some((e) => e.slug === 'qa'), 'the environment is in the project')
  const kms = await sdk.projects().create({ projectName: 'compat-kms', type: 'kms' })
  expect(kms.type === 'kms', 'kms-type project')

  log('renew through the SDK: auth().universalAuth.renew()')
  await new Promise((resolve) => setTimeout(resolve, 1100)) // a later exp needs a later second
  await sdk.auth().universalAuth.renew()
  const renewed = sdk.auth().getAccessToken()
  expect(renewed !== first, 'renew returns a new JWT for the same session')
  const jti = (t) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString()).jti
  expect(jti(renewed) === jti(first), 'same session (jti)')
  expect((await rest('GET', '/api/v1/workspace', undefined, first)).status === 200, 'the presented token still works')
  await sdk.projects().create({ projectName: 'after-renew', type: 'secret-manager' })

  log('revoke over REST; both the renewed and the original token are refused')
  const revoked = await fetch(`${URL_}/api/v1/auth/token/revoke`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ accessToken: renewed }) })
  expect(revoked.status === 200, `revoke answered ${revoked.status}`)
  await expectStatus(sdk.projects().create({ projectName: 'revoked', type: 'secret-manager' }), 401, 'a revoked token')
  await expectStatus(sdk.auth().universalAuth.renew(), 401, 'renewing a revoked token')
  await expectStatus(new InfisicalSDK({ siteUrl: URL_ }).auth().accessToken(first).projects()
    .create({ projectName: 'revoked-too', type: 'secret-manager' }), 401, 'the original token of the revoked session')

  log('negative: a wrong client secret')
  const wrong = await expectStatus(loggedIn(ci.clientId, `${secret}x`), 401, 'a wrong secret')
  expect(!wrong.message.includes(secret), 'the error does not echo the secret')

  log('negative: a client secret whose numUsesLimit is exhausted')
  const once = await clientSecret(ci.identityId, { numUsesLimit: 1 })
  await loggedIn(ci.clientId, once)
  await expectStatus(loggedIn(ci.clientId, once), 401, 'an exhausted client secret')

  log('negative: a locked-out client id (3 failures, then even the right secret is refused)')
  const target = await identityWithUniversalAuth('compat-lockout', {})
  const good = await clientSecret(target.identityId)
  for (let n = 0; n < 3; n++) {
    await expectStatus(loggedIn(target.clientId, `wrong-${n}`), 401, `failure ${n + 1}`)
  }
  const locked = await expectStatus(loggedIn(target.clientId, good), 401, 'the locked-out client id')
  expect(locked.message.includes('locked out'), `lockout message: ${locked.message}`)
  await loggedIn(ci.clientId, secret)

  log('a token-auth token used through auth().accessToken(token)')
  await restOk('POST', `/api/v1/auth/token-auth/identities/${ci.identityId}`, {})
  const { accessToken } = await restOk('POST', `/api/v1/auth/token-auth/identities/${ci.identityId}/tokens`, { name: 'compat' })
  const viaToken = new InfisicalSDK({ siteUrl: URL_ }).auth().accessToken(accessToken)
  const p2 = await viaToken.projects().create({ projectName: 'via-token-auth', type: 'secret-manager' })
  expect(p2.id && p2.id !== project.id, 'project created with a token-auth token')

  console.log('infisical auth compatibility suite: all checks passed')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
