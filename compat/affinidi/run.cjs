// Compatibility suite: the official Affinidi IAM client and auth provider, unmodified, against Latchkey.
// Walks the personal-access-token flow of seed 001 and its negative paths. Exits non-zero on the first
// failed expectation. Environment: LATCHKEY_URL, LATCHKEY_EMAIL, LATCHKEY_PASSWORD.
'use strict'
const crypto = require('node:crypto')
const jwt = require('jsonwebtoken')
const { AuthProvider } = require('@affinidi-tdk/auth-provider')
const iam = require('@affinidi-tdk/iam-client')

const URL_ = process.env.LATCHKEY_URL
const TOKEN_ENDPOINT = `${URL_}/auth/oauth2/token`
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

async function expectFailure(promise, status, msg) {
  try {
    await promise
  } catch (e) {
    const actual = e.httpStatusCode ?? e.response?.status
    expect(status === undefined || actual === status, `${msg}: expected status ${status}, got ${actual} (${e.name}: ${e.message})`)
    return e
  }
  throw new Error(`expectation failed: ${msg}: the call succeeded`)
}

function config(token) {
  return new iam.Configuration({ basePath: `${URL_}/iam`, apiKey: token })
}

function keyPair() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { publicJwk: publicKey.export({ format: 'jwk' }), privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }) }
}

async function login() {
  const r = await fetch(`${URL_}/iam/v1/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: process.env.LATCHKEY_EMAIL, password: process.env.LATCHKEY_PASSWORD }),
  })
  expect(r.status === 200, `login answered ${r.status}`)
  return (await r.json()).accessToken
}

async function projectToken(userToken, projectId) {
  const { data } = await new iam.StsApi(config(userToken)).createProjectScopedToken({ projectId })
  expect(typeof data.accessToken === 'string' && data.expiresIn > 0, 'project-scoped token shape')
  return data.accessToken
}

function policyFor(projectId, tokenId) {
  return {
    version: '2022-12-15',
    statement: [{ principal: [`ari:iam::${projectId}:token/${tokenId}`], action: ['*'], resource: ['*'], effect: 'Allow' }],
  }
}

async function createToken(userToken, name, kp) {
  const tokens = new iam.TokensApi(config(userToken))
  const jwk = { ...kp.publicJwk, kid: 'initial', alg: 'RS256', use: 'sig' }
  const { data } = await tokens.createToken({
    name,
    authenticationMethod: { type: 'PRIVATE_KEY', signingAlgorithm: 'RS256', publicKeyInfo: { jwks: { keys: [jwk] } } },
  })
  expect(data.id && data.ari && data.ownerAri && Array.isArray(data.scopes), 'TokenDto shape')
  // As the vendor CLI does: make the key id equal the token id so the auth provider's default kid matches.
  const { data: updated } = await tokens.updateToken(data.id, {
    authenticationMethod: { type: 'PRIVATE_KEY', signingAlgorithm: 'RS256',
      publicKeyInfo: { jwks: { keys: [{ ...jwk, kid: data.id }] } } },
  })
  expect(updated.authenticationMethod.publicKeyInfo.jwks.keys[0].kid === data.id, 'kid updated to the token id')
  return data.id
}

async function addToProject(userToken, projectId, tokenId) {
  const owner = config(await projectToken(userToken, projectId))
  await new iam.ProjectsApi(owner).addPrincipalToProject({ principalId: tokenId, principalType: 'token' })
  const { data } = await new iam.PoliciesApi(owner).updatePolicies(tokenId, 'token', policyFor(projectId, tokenId))
  expect(data.version === '2022-12-15' && data.statement.length === 1, 'policy echoed')
  const { data: read } = await new iam.PoliciesApi(owner).getPolicies(tokenId, 'token')
  expect(read.statement[0].principal[0] === `ari:iam::${projectId}:token/${tokenId}`, 'policy stored verbatim')
}

async function main() {
  log('log in and read the JWKS')
  const userToken = await login()
  const { data: jwks } = await new iam.WellKnownApi(config('')).getWellKnownJwks()
  expect(jwks.keys.length > 0 && jwks.keys[0].alg === 'ES256', 'keys[0] is the ES256 signing key')

  log('create a project, get and update it')
  const projects = new iam.ProjectsApi(config(userToken))
  const { data: project } = await projects.createProject({ name: 'compat', description: 'Affinidi compatibility suite' })
  expect(/^P[0-9A-Za-z]{27}$/.test(project.id), `project id form: ${project.id}`)
  expect((await projects.getProject(project.id)).data.name === 'compat', 'getProject')
  const { data: renamed } = await projects.updateProject(project.id, { name: 'compat-renamed' })
  expect(renamed.name === 'compat-renamed' && renamed.description === 'Affinidi compatibility suite', 'absent fields unchanged')

  log('generate a key pair and create a personal access token')
  const kp = keyPair()
  const tokenId = await createToken(userToken, 'compat-token', kp)

  log('add the token to the project and give it a policy')
  await addToProject(userToken, project.id, tokenId)

  log('AuthProvider.fetchProjectScopedToken()')
  const provider = new AuthProvider({ projectId: project.id, tokenId, privateKey: kp.privatePem,
    apiGatewayUrl: URL_, tokenEndpoint: TOKEN_ENDPOINT })
  const pst = await provider.fetchProjectScopedToken()
  expect(typeof pst === 'string' && pst.split('.').length === 3, 'a compact JWS')
  expect((await provider.fetchProjectScopedToken()) === pst, 'the provider keeps a valid token')

  log('whoami and list principals with the project-scoped token (raw authorization header)')
  const { data: who } = await new iam.StsApi(config(pst)).whoami()
  expect(who.principalId === tokenId && who.principalType === 'token', `whoami: ${JSON.stringify(who)}`)
  const { data: principals } = await new iam.ProjectsApi(config(pst)).listPrincipalsOfProject()
  expect(principals.records.some((r) => r.principalId === tokenId), 'the token is a principal')

  log('list projects of the token page by page')
  for (const name of ['second', 'third']) {
    const { data: p } = await projects.createProject({ name })
    await addToProject(userToken, p.id, tokenId)
  }
  const tokens = new iam.TokensApi(config(userToken))
  const seen = new Set()
  let key
  do {
    const { data: page } = await tokens.listProjectsOfToken(tokenId, 1, key)
    expect(page.projects.length === 1, 'limit=1 returns one item')
    expect(page.projects[0].policy && Array.isArray(page.projects[0].policy.statement), 'each project with its policy')
    expect(!seen.has(page.projects[0].id), 'no repeated items')
    seen.add(page.projects[0].id)
    key = page.lastEvaluatedKey
  } while (key)
  expect(seen.size === 3, `three projects, saw ${seen.size}`)
  const { data: tokenList } = await tokens.listToken(1)
  expect(tokenList.tokens.length === 1, 'listToken honours limit')
  expect((await tokens.getToken(tokenId)).data.name === 'compat-token', 'getToken')

  log('negative: wrong private key')
  const wrong = new AuthProvider({ projectId: project.id, tokenId, privateKey: keyPair().privatePem,
    apiGatewayUrl: URL_, tokenEndpoint: TOKEN_ENDPOINT })
  await expectFailure(wrong.fetchProjectScopedToken(), 401, 'an assertion signed with another key')

  log('negative: a token that is not in the project')
  const { data: other } = await projects.createProject({ name: 'outside' })
  const outside = new AuthProvider({ projectId: other.id, tokenId, privateKey: kp.privatePem,
    apiGatewayUrl: URL_, tokenEndpoint: TOKEN_ENDPOINT })
  await expectFailure(outside.fetchProjectScopedToken(), 403, 'project-scoped token for a foreign project')

  log('negative: a replayed client assertion')
  const now = Math.floor(Date.now() / 1000)
  const assertion = jwt.sign({ iss: tokenId, sub: tokenId, aud: TOKEN_ENDPOINT, jti: `replay ${Math.random()}`,
    iat: now, exp: now + 300 }, kp.privatePem, { algorithm: 'RS256', keyid: tokenId })
  const form = (a) => new URLSearchParams({ grant_type: 'client_credentials', scope: 'openid',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: a, client_id: tokenId })
  const first = await fetch(TOKEN_ENDPOINT, { method: 'POST', body: form(assertion) })
  expect(first.status === 200, `first use of the assertion: ${first.status}`)
  const replay = await fetch(TOKEN_ENDPOINT, { method: 'POST', body: form(assertion) })
  expect(replay.status === 401 && (await replay.json()).error === 'invalid_client', 'replay refused with invalid_client')

  log('negative: a tampered project-scoped token')
  const parts = pst.split('.')
  const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString())
  claims.sub = 'someone-else'
  const tampered = `${parts[0]}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${parts[2]}`
  const err = await expectFailure(new iam.StsApi(config(tampered)).whoami(), 403, 'a tampered token')
  expect(err.name === 'UnauthorizedError', `error name ${err.name}`)

  log('update and delete the token; a deleted token can no longer log in')
  const { data: renamedToken } = await tokens.updateToken(tokenId, { name: 'compat-token-2' })
  expect(renamedToken.name === 'compat-token-2', 'updateToken name')
  await tokens.deleteToken(tokenId)
  const gone = await expectFailure(tokens.getToken(tokenId), 404, 'getToken after delete')
  expect(gone.name === 'NotFoundError', `error name ${gone.name}`)
  const deleted = new AuthProvider({ projectId: project.id, tokenId, privateKey: kp.privatePem,
    apiGatewayUrl: URL_, tokenEndpoint: TOKEN_ENDPOINT })
  await expectFailure(deleted.fetchProjectScopedToken(), 401, 'a deleted token')
  await expectFailure(new iam.StsApi(config(pst)).whoami(), 403, 'sessions of a deleted token are revoked')

  log('negative: a principal cannot remove itself')
  const ownerToken = await projectToken(userToken, project.id)
  const { data: me } = await new iam.StsApi(config(ownerToken)).whoami()
  await new iam.ProjectsApi(config(ownerToken)).addPrincipalToProject({ principalId: me.principalId, principalType: 'user' })
  const self = await expectFailure(new iam.ProjectsApi(config(ownerToken)).deletePrincipalFromProject(me.principalId, 'user'),
    409, 'removing oneself')
  expect(self.name === 'PrincipalCannotBeDeletedError', `error name ${self.name}`)

  console.log('affinidi compatibility suite: all checks passed')
}

main().catch((e) => {
  console.error(e.stack || String(e))
  process.exit(1)
})
