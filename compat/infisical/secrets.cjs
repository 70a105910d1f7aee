// Compatibility suite: the official Infisical Node SDK (@infisical/sdk 5.0.2), unmodified, against Latchkey:
// secrets in an environment and a folder path (create, list, get, update, delete), reference expansion,
// folders, and KMS keys through encrypt/decrypt and sign/verify. Exits non-zero on the first failed
// expectation. Environment: LATCHKEY_URL, LATCHKEY_TOKEN (a machine identity token),
// LATCHKEY_PROJECT (a secret-manager project), LATCHKEY_KMS_PROJECT (a kms project).
'use strict'
const crypto = require('node:crypto')
const { InfisicalSDK, SecretType, KeyUsage, EncryptionAlgorithm, SigningAlgorithm } = require('@infisical/sdk')

const PROJECT = process.env.LATCHKEY_PROJECT
const KMS_PROJECT = process.env.LATCHKEY_KMS_PROJECT
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

async function expectStatus(promise, status, msg) {
  try {
    await promise
  } catch (e) {
    // A string message becomes "[StatusCode=NNN] ..."; a 422's array of issues a generic "... status NNN".
    const m = String(e.message)
    expect(m.includes(`[StatusCode=${status}]`) || m.endsWith(`status ${status}`),
      `${msg}: expected status ${status}, got ${e.name}: ${e.message}`)
    return e
  }
  throw new Error(`expectation failed: ${msg}: the call succeeded`)
}

async function secrets(sdk) {
  const env = 'dev'
  log('folders: create /app and /app/db (idempotent), list them')
  const app = await sdk.folders().create({ name: 'app', path: '/', projectId: PROJECT, environment: env })
  expect(app.name === 'app' && typeof app.id === 'string', `folder shape ${JSON.stringify(app)}`)
  const again = await sdk.folders().create({ name: 'app', path: '/', projectId: PROJECT, environment: env })
  expect(again.id === app.id, 'creating an existing folder returns it')
  await sdk.folders().create({ name: 'db', path: '/app', projectId: PROJECT, environment: env, description: 'database' })
  const listed = await sdk.folders().listFolders({ projectId: PROJECT, environment: env, path: '/app' })
  expect(listed.length === 1 && listed[0].name === 'db', `folders of /app: ${JSON.stringify(listed)}`)
  const all = await sdk.folders().listFolders({ projectId: PROJECT, environment: env, recursive: true })
  expect(all.map((f) => f.name).sort().join(',') === 'app,db', `recursive folders: ${all.map((f) => f.name)}`)

  const path = '/app/db'
  log(`secrets: create in ${env} ${path}`)
  const created = await sdk.secrets().createSecret('DB_PASSWORD', {
    projectId: PROJECT, environment: env, secretPath: path, secretValue: '  s3cr3t-value  ', secretComment: 'primary',
  })
  expect(created.secret.secretKey === 'DB_PASSWORD' && created.secret.secretValue === 's3cr3t-value', 'created (trimmed)')
  expect(created.secret.version === 1 && created.secret.workspace === PROJECT, `created shape ${JSON.stringify(created.secret)}`)
  await sdk.secrets().createSecret('DB_USER', { projectId: PROJECT, environment: env, secretPath: path, secretValue: 'app' })
  await sdk.secrets().createSecret('DB_URL', {
    projectId: PROJECT, environment: env, secretPath: path, secretValue: 'postgres://${DB_USER}:${DB_PASSWORD}@${dev.HOST}/app',
  })
  await sdk.secrets().createSecret('HOST', { projectId: PROJECT, environment: env, secretValue: 'db.internal' })
  await expectStatus(sdk.secrets().createSecret('DB_USER', {
    projectId: PROJECT, environment: env, secretPath: path, secretValue: 'dup',
  }), 400, 'duplicate name')

  log('secrets: list (references expanded by default) and get')
  const list = await sdk.secrets().listSecrets({ projectId: PROJECT, environment: env, secretPath: path })
  const names = list.secrets.map((s) => s.secretKey).sort()
  expect(names.join(',') === 'DB_PASSWORD,DB_URL,DB_USER', `listed ${names}`)
  const url = list.secrets.find((s) => s.secretKey === 'DB_URL')
  expect(url.secretValue === 'postgres://app:s3cr3t-value@db.internal/app', `expanded in list: ${url.secretValue}`)
  const got = await sdk.secrets().getSecret({ projectId: PROJECT, environment: env, secretPath: path, secretName: 'DB_URL' })
  expect(got.secretValue === 'postgres://app:s3cr3t-value@db.internal/app', `expanded in get: ${got.secretValue}`)
  const raw = await sdk.secrets().getSecret({
    projectId: PROJECT, environment: env, secretPath: path, secretName: 'DB_URL', expandSecretReferences: false,
  })
  expect(raw.secretValue.includes('${DB_USER}'), 'unexpanded on request')
  const hidden = await sdk.secrets().getSecret({
    projectId: PROJECT, environment: env, secretPath: path, secretName: 'DB_PASSWORD', viewSecretValue: false,
  })
  expect(hidden.secretValueHidden === true && hidden.secretValue === '<hidden-by-infisical>', 'masked on request')
  const recursive = await sdk.secrets().listSecrets({ projectId: PROJECT, environment: env, recursive: true })
  expect(recursive.secrets.some((s) => s.secretKey === 'DB_URL' && s.secretPath === path), 'recursive list names each path')

  log('secrets: update value and comment, rename, read an old version')
  const updated = await sdk.secrets().updateSecret('DB_PASSWORD', {
    projectId: PROJECT, environment: env, secretPath: path, secretValue: 'rotated', secretComment: 'rotated today',
  })
  expect(updated.secret.version === 2 && updated.secret.secretValue === 'rotated', `updated ${JSON.stringify(updated.secret)}`)
  const v1 = await sdk.secrets().getSecret({
    projectId: PROJECT, environment: env, secretPath: path, secretName: 'DB_PASSWORD', version: 1,
  })
  expect(v1.secretValue === 's3cr3t-value', 'version 1 still readable')
  await sdk.secrets().updateSecret('DB_USER', { projectId: PROJECT, environment: env, secretPath: path, newSecretName: 'DB_LOGIN' })
  await expectStatus(sdk.secrets().getSecret({ projectId: PROJECT, environment: env, secretPath: path, secretName: 'DB_USER' }),
    404, 'renamed secret is gone under its old name')

  log('secrets: personal secrets belong to users (identity -> 400)')
  await expectStatus(sdk.secrets().createSecret('MINE', {
    projectId: PROJECT, environment: env, secretValue: 'x', type: SecretType.Personal,
  }), 400, 'personal secret by an identity')

  log('secrets: delete')
  const deleted = await sdk.secrets().deleteSecret('DB_LOGIN', { projectId: PROJECT, environment: env, secretPath: path })
  expect(deleted.secret.secretKey === 'DB_LOGIN', 'deleted answer')
  await expectStatus(sdk.secrets().getSecret({ projectId: PROJECT, environment: env, secretPath: path, secretName: 'DB_LOGIN' }),
    404, 'deleted secret')
  await expectStatus(sdk.secrets().listSecrets({ projectId: PROJECT, environment: 'nope' }), 404, 'unknown environment')
  await expectStatus(sdk.secrets().listSecrets({ projectId: PROJECT, environment: env, secretPath: '/no/such' }), 404,
    'unknown folder')
  await expectStatus(sdk.kms().keys().create({
    projectId: PROJECT, name: 'wrong-type', keyUsage: KeyUsage.ENCRYPTION, encryptionAlgorithm: EncryptionAlgorithm.AES_256_GCM,
  }), 400, 'KMS key in a secret-manager project')
}

async function kms(sdk) {
  log('kms: aes-256-gcm key, encrypt and decrypt')
  const key = await sdk.kms().keys().create({
    projectId: KMS_PROJECT, name: 'app-key', keyUsage: KeyUsage.ENCRYPTION, encryptionAlgorithm: EncryptionAlgorithm.AES_256_GCM,
  })
  expect(key.name === 'app-key' && key.version === 1 && key.keyUsage === 'encrypt-decrypt', `key shape ${JSON.stringify(key)}`)
  const byName = await sdk.kms().keys().getByName({ projectId: KMS_PROJECT, name: 'app-key' })
  expect(byName.id === key.id, 'get by name')
  const plaintext = Buffer.from('hello from the SDK').toString('base64')
  const ciphertext = await sdk.kms().encryption().encrypt({ keyId: key.id, plaintext })
  expect(typeof ciphertext === 'string' && ciphertext !== plaintext, 'ciphertext')
  const decrypted = await sdk.kms().encryption().decrypt({ keyId: key.id, ciphertext })
  expect(decrypted === plaintext, 'decrypt round trip')
  await expectStatus(sdk.kms().keys().create({
    projectId: KMS_PROJECT, name: 'app-key', keyUsage: KeyUsage.ENCRYPTION, encryptionAlgorithm: EncryptionAlgorithm.AES_256_GCM,
  }), 400, 'duplicate key name')

  log('kms: ECC_NIST_P256 key, sign and verify, signing algorithms, public key')
  const signer = await sdk.kms().keys().create({
    projectId: KMS_PROJECT, name: 'signer', keyUsage: KeyUsage.SIGNING, encryptionAlgorithm: EncryptionAlgorithm.ECC_NIST_P256,
  })
  const algorithms = await sdk.kms().signing().listSigningAlgorithms({ keyId: signer.id })
  expect(algorithms.includes(SigningAlgorithm.ECDSA_SHA_256) && !algorithms.includes('RSASSA_PSS_SHA_256'), `algorithms ${algorithms}`)
  const data = Buffer.from('release-1.2.3.tar.gz').toString('base64')
  const signed = await sdk.kms().signing().sign({ keyId: signer.id, data, signingAlgorithm: SigningAlgorithm.ECDSA_SHA_256 })
  expect(signed.keyId === signer.id && signed.signingAlgorithm === 'ECDSA_SHA_256', `sign answer ${JSON.stringify(signed)}`)
  const verified = await sdk.kms().signing().verify({
    keyId: signer.id, data, signature: signed.signature, signingAlgorithm: SigningAlgorithm.ECDSA_SHA_256,
  })
  expect(verified.signatureValid === true, 'signature valid')
  const forged = await sdk.kms().signing().verify({
    keyId: signer.id, data: Buffer.from('other').toString('base64'), signature: signed.signature,
    signingAlgorithm: SigningAlgorithm.ECDSA_SHA_256,
  })
  expect(forged.signatureValid === false, 'wrong data does not verify')
  const publicKey = await sdk.kms().signing().getPublicKey({ keyId: signer.id })
  const pub = crypto.createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
  const ok = crypto.verify('sha256', Buffer.from('release-1.2.3.tar.gz'), pub, Buffer.from(signed.signature, 'base64'))
  expect(ok, 'Node verifies the DER signature with the exported SPKI public key')
  const digest = crypto.createHash('sha256').update('release-1.2.3.tar.gz').digest('base64')
  const digestSigned = await sdk.kms().signing().sign({
    keyId: signer.id, data: digest, signingAlgorithm: SigningAlgorithm.ECDSA_SHA_256, isDigest: true,
  })
  const digestVerified = await sdk.kms().signing().verify({
    keyId: signer.id, data, signature: digestSigned.signature, signingAlgorithm: SigningAlgorithm.ECDSA_SHA_256,
  })
  expect(digestVerified.signatureValid === true, 'a signature over a pre-computed digest verifies over the data')
  await expectStatus(sdk.kms().encryption().encrypt({ keyId: signer.id, plaintext }), 400, 'encrypt with a signing key')

  log('kms: delete keys')
  const gone = await sdk.kms().keys().delete({ keyId: key.id })
  expect(gone.id === key.id, 'deleted key answer')
  await expectStatus(sdk.kms().encryption().encrypt({ keyId: key.id, plaintext }), 404, 'deleted key')
  await expectStatus(sdk.kms().keys().delete({ keyId: 'not-a-uuid' }), 422, 'key ids are UUIDs')
  await sdk.kms().keys().delete({ keyId: signer.id })
}

async function main() {
  const sdk = new InfisicalSDK({ siteUrl: process.env.LATCHKEY_URL })
  sdk.auth().accessToken(process.env.LATCHKEY_TOKEN)
  await secrets(sdk)
  await kms(sdk)
  console.log('all checks passed')
}

main().catch((e) => {
  console.error(e.stack || e)
  process.exit(1)
})
