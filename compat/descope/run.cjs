// Compatibility suite: the official Descope Node SDK (@descope/node-sdk 2.13.0), unmodified, against
// Latchkey's access-key dialect. Walks the lifecycle of seed 004 (roles, tenants, create, load, search,
// update, deactivate/activate, exchange and validation, rotate, delete) plus the batch calls and the
// management-key API. Exits non-zero on the first failed expectation.
// Environment: LATCHKEY_URL, LATCHKEY_PROJECT_ID, LATCHKEY_MANAGEMENT_KEY (a credential: never printed).
'use strict'
const DescopeClient = require('@descope/node-sdk')

const baseUrl = process.env.LATCHKEY_URL
const projectId = process.env.LATCHKEY_PROJECT_ID
const managementKey = process.env.LATCHKEY_MANAGEMENT_KEY
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

/** Unwraps an SdkResponse that must be ok; returns its data. */
async function ok(promise, what) {
  const resp = await promise
  expect(resp.ok, `${what}: expected ok, got ${resp.code} ${JSON.stringify(resp.error)}`)
  return resp.data
}

/** An SdkResponse that must fail with the given status and carry the error envelope. */
async function fails(promise, code, what) {
  const resp = await promise
  expect(!resp.ok && resp.code === code, `${what}: expected ${code}, got ${resp.code}`)
  expect(/^E\d{6}$/.test(resp.error.errorCode) && resp.error.errorMessage, `${what}: error envelope ${JSON.stringify(resp.error)}`)
  return resp.error
}

async function exchangeFails(client, cleartext, what) {
  try {
    await client.exchangeAccessKey(cleartext)
  } catch (e) {
    expect(/could not exchange access key - /.test(e.message), `${what}: message ${e.message}`)
    return
  }
  throw new Error(`expectation failed: ${what}: the exchange succeeded`)
}

async function main() {
  const client = DescopeClient({ projectId, managementKey, baseUrl })
  const m = client.management

  log('roles, permissions and tenants')
  await ok(m.permission.create('reports:read', 'read reports'), 'permission.create')
  await ok(m.role.create('TestRole1', 'reads reports', ['reports:read']), 'role.create')
  await ok(m.role.create('Tenant Admin', 'administers a tenant', ['reports:read', 'tenant:admin']), 'role.create')
  const { id: tenantId } = await ok(m.tenant.create('TestTenant'), 'tenant.create')
  await ok(m.tenant.createWithId('acme', 'Acme'), 'tenant.createWithId')
  const tenants = await ok(m.tenant.loadAll(), 'tenant.loadAll')
  expect(tenants.map((t) => t.id).includes(tenantId) && tenants.some((t) => t.id === 'acme'), 'both tenants listed')
  expect((await ok(m.tenant.load('acme'), 'tenant.load')).name === 'Acme', 'tenant loaded by id')
  const roles = await ok(m.role.loadAll(), 'role.loadAll')
  expect(roles.find((r) => r.name === 'Tenant Admin').permissionNames.includes('tenant:admin'), 'role permissions')

  log('create with roles, and with tenants, claims, permitted addresses and attributes')
  const withRoles = await ok(m.accessKey.create('seed-roles', 0, ['TestRole1'], undefined, undefined, { key: 'value' },
    'with roles'), 'accessKey.create')
  expect(withRoles.cleartext && !withRoles.cleartext.includes(':'), 'cleartext without colons')
  expect(withRoles.key.status === 'active' && withRoles.key.expireTime === 0, 'new keys are active and never expire')
  expect(Number.isInteger(withRoles.key.createdTime) && withRoles.key.createdTime > 1600000000, 'createdTime in seconds')
  const withTenants = await ok(m.accessKey.create('seed-tenants', Math.floor(Date.now() / 1000) + 3600, undefined,
    [{ tenantId, roleNames: ['Tenant Admin'] }], undefined, { key: 'value' }, undefined, ['127.0.0.1', '::1'],
    { env: 'ci' }), 'accessKey.create')
  const id1 = withRoles.key.id
  const id2 = withTenants.key.id
  expect(withTenants.key.keyTenants[0].tenantName === 'TestTenant', 'tenant name resolved')
  expect(withTenants.key.permittedIps.length === 2, 'permitted addresses kept')

  log('load and search')
  expect((await ok(m.accessKey.load(id1), 'accessKey.load')).name === 'seed-roles', 'loaded')
  const byTenant = await ok(m.accessKey.searchAll([tenantId]), 'accessKey.searchAll(tenant)')
  expect(byTenant.length === 1 && byTenant[0].id === id2, 'search by tenant finds only the tenant key')
  const all = await ok(m.accessKey.searchAll(), 'accessKey.searchAll()')
  expect(all.some((k) => k.id === id1) && all.some((k) => k.id === id2), 'search without filter finds all')
  const byAttr = await ok(m.accessKey.searchAll(undefined, undefined, undefined, { env: 'ci' }), 'search by attributes')
  expect(byAttr.length === 1 && byAttr[0].id === id2, 'search by custom attributes')

  log('update: absent fields stay, present fields replace')
  const renamed = await ok(m.accessKey.update(id1, 'seed-roles-renamed'), 'accessKey.update')
  expect(renamed.name === 'seed-roles-renamed' && renamed.roleNames[0] === 'TestRole1' && renamed.description === 'with roles',
    'update with name only keeps the rest')
  const replaced = await ok(m.accessKey.update(id1, 'seed-roles-renamed', 'new description', ['TestRole1'],
    [{ tenantId: 'acme', roleNames: ['TestRole1'] }], { key: 'value2' }), 'accessKey.update')
  expect(replaced.keyTenants.length === 1 && replaced.keyTenants[0].tenantId === 'acme', 'tenants replaced')
  await fails(m.accessKey.update(id1, 'x', undefined, undefined, undefined, { sub: 'mallory' }), 400, 'reserved claim')

  log('deactivate: the exchange fails; activate: it works')
  await ok(m.accessKey.deactivate(id1), 'accessKey.deactivate')
  await exchangeFails(client, withRoles.cleartext, 'inactive key')
  await ok(m.accessKey.activate(id1), 'accessKey.activate')
  const info = await client.exchangeAccessKey(withRoles.cleartext, { customClaims: { requestedBy: 'node' } })
  expect(info.token.sub === id1 && info.token.iss === projectId, 'session subject and issuer')
  expect(info.token.key === 'value2' && info.token.nsec.requestedBy === 'node', 'stored claims on top, caller claims in nsec')
  expect(client.validateRoles(info, ['TestRole1']) && client.validatePermissions(info, ['reports:read']), 'roles and permissions')
  expect(client.validateTenantRoles(info, 'acme', ['TestRole1']), 'tenant roles')
  expect(client.validateTenantPermissions(info, 'acme', ['reports:read']), 'tenant permissions')
  expect(!client.validateRoles(info, ['Tenant Admin']), 'no role the key does not hold')
  const session = await client.validateSession(info.jwt)
  expect(session.token.sub === id1, 'validateSession')
  const tenantInfo = await client.exchangeAccessKey(withTenants.cleartext)
  expect(client.validateTenantRoles(tenantInfo, tenantId, ['Tenant Admin']), 'tenant key holds its tenant role')
  expect(tenantInfo.token.exp <= Math.floor(Date.now() / 1000) + 3600, 'session never outlives its key')

  log('batch deactivate and activate')
  await ok(m.accessKey.deactivateBatch([id1, id2]), 'accessKey.deactivateBatch')
  await exchangeFails(client, withTenants.cleartext, 'batch-deactivated key')
  await fails(m.accessKey.activateBatch([id1, 'K000000000000000000000000000']), 404, 'batch with an unknown id')
  await exchangeFails(client, withRoles.cleartext, 'nothing activated by a failed batch')
  await ok(m.accessKey.activateBatch([id1, id2]), 'accessKey.activateBatch')

  log('rotate: the old cleartext stops working')
  const rotated = await ok(m.accessKey.rotate(id1), 'accessKey.rotate')
  expect(rotated.key.id === id1 && rotated.cleartext !== withRoles.cleartext, 'new cleartext, same key')
  await exchangeFails(client, withRoles.cleartext, 'rotated-out cleartext')
  expect((await client.exchangeAccessKey(rotated.cleartext)).token.sub === id1, 'new cleartext works')

  log('delete and delete batch')
  await ok(m.accessKey.delete(id1), 'accessKey.delete')
  const missing = await fails(m.accessKey.load(id1), 404, 'load after delete')
  expect(missing.errorCode === 'E011103', 'not-found code')
  await exchangeFails(client, rotated.cleartext, 'deleted key')
  await ok(m.accessKey.deleteBatch([id2]), 'accessKey.deleteBatch')
  expect((await ok(m.accessKey.searchAll(), 'search after delete')).length === 0, 'no keys left')

  log('management keys')
  const mk = await ok(m.managementKey.create('second', { projectRoles: [{ projectIds: [projectId], roles: ['admin'] }] },
    'second key', 3600), 'managementKey.create')
  expect(mk.cleartext && mk.key.status === 'active', 'management key created')
  const second = DescopeClient({ projectId, managementKey: mk.cleartext, baseUrl })
  expect((await ok(second.management.managementKey.search(), 'search with the second key')).length === 2, 'two keys')
  expect((await ok(m.managementKey.load(mk.key.id), 'managementKey.load')).name === 'second', 'loaded')
  const off = await ok(m.managementKey.update(mk.key.id, 'second', 'off', 'inactive'), 'managementKey.update')
  expect(off.status === 'inactive', 'deactivated')
  await fails(second.management.role.loadAll(), 401, 'deactivated management key')
  await ok(m.managementKey.delete([mk.key.id]), 'managementKey.delete')
  const wrongProject = DescopeClient({ projectId: 'P' + 'x'.repeat(27), managementKey, baseUrl })
  await fails(wrongProject.management.accessKey.searchAll(), 401, 'management key of another project')

  console.log('all checks passed')
}

main().catch((e) => {
  console.error(e.stack || String(e))
  process.exit(1)
})
