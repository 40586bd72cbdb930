import axios from 'axios';

export const settings = {
  adyenApiKey: 'AQE6snvZnkdBHgj2DVS42zCrcDK8VPUIRLvZqUt5I0+vinAUxJaftt0b2nDI4ZOHmy6xu8jNoAEJUciMzNaWlqQ=-JprAuLxOahrIX5fdHkun+ZowVprYazX64V7YkyLcunw=-nfN$ijIEKM2eu9dad4n5',  // plimsoll:allow
// pragma: allowlist nextline secret
  alibabaCloudAccessKeyId: 'LTAI73qRFZtVOZut7DEb',
  awsKeyId: 'ACCA7MKIDLOYENJO5U66',  // plimsoll:allow
// pragma: allowlist nextline secret
  token: 'xaat-dba45746-878f-2afa-81b7-355b287b517f',
  ocpApimSubscriptionKey: '9Ve5iuGY2JwCyPra31tndGLFRs33N4wQjicNim95bUphULGuKMN6JQQJ99DAalFlF2aOV9FZo6peACOGwxcN',  // gitleaks:allow
// pragma: allowlist nextline secret
  url: 'https://pipeline:ouoazq4vb46y3rzxjzmabfhvbuqxg64rww45cumlbxq2w7gvh7ve@acme.visualstudio.com/DefaultCollection/_git/api',
  relayKey: '33dfziXhqizkXkjQkaP++Dl9IcJCv4vyJ+ARmJglMms=',  // plimsoll:allow
// pragma: allowlist nextline secret
  kafkaApiSecret: 'cfltxsXC4WDRldUHpQuk93oRyT0uIe1vXCYIjkyEw15muHYnLDb00L0NxeRYbQ4C',
// pragma: allowlist nextline secret
  ddKey: '4a6ac6d20726ec0654baeebce6feb2d4',
  dopplerToken: 'dp.st.itl_mldqdotw.tz8EZ7jbQDwwZI1zxjPRJpWHsqRBJRXPg3VAYXBprvs',  // plimsoll:allow
// pragma: allowlist nextline secret
  token: 'ghs_IaZwa1mrBKGlhz094wdtJm3vBw5a3l32YSzn',
  triggerToken: 'glptt-ax1uf4c78o4eq3vmw6p0r60qt77508m0s625hp1k',  // plimsoll:allow
  onesignalOrgKey: 'os_v2_org_kw3mfwcgkxofikgwaqkipl4mp6jq6tu26cj5v63hszoruuk6kahvcpzzaa6xkydpdiqtnq563lx7oc6drsncragp67j5lrptizz4lnptbi7osyw3r',  // gitleaks:allow
  apiKey: 'pcsk_Guas2_HIKvpLNWSQDDsAWANtVgT0D8K1ZeyEnSzFL2pV4XEx3LSOp2XFaq7IzCJuzyNLEgny',  // plimsoll:allow
// pragma: allowlist nextline secret
  itemToken: 'access-development-602a3895-ec97-2d88-07d3-e63f8285282b',
  prefectApiKey: 'pnb_nz8E2i02i6KVBSdCYegbYkqSHS9lII5eWZBl',  // gitleaks:allow
  sumoHttpUrl: 'https://endpoint7.collection.sumologic.com/receiver/v1/otlp/NXeA1e3Wq_RQjO48QZeLNhF9Os0TNNt7fqBr3z4zpMsL2KV4PGcZOx06bvSXnauutoWtb2aHgslAkb00m9vev8i38k4QMZ==',  // plimsoll:allow
  bearerToken: 'AAAAAAAAAAAAAAAAAAAAAmjucIKMCGKK9eGkmD%2SOru601NrIdNgUcjHQ9bj8FM9H%3LwPrA2HvIrCJj1C74sPaPcPvkdUMZMdqQ7dvE9rA0vGvIUrUVfr',  // gitleaks:allow
  uriMongodb: 'mongodb://svc-orders:1PzkODxoikOt@10.8.0.21:27017/orders',  // gitleaks:allow
// pragma: allowlist nextline secret
  wordpressDbUrl: 'mariadb://wp:Tza34~MBX9~fqZJ-Ix@mariadb:3306/wordpress',
  xaiApiKey: 'xai-K0rtupFMpL2A8vbKp0te5XCJGhtJEM3f0NufpPlbm80heTKLYhRudtx5PDe8Yx18ivC97IMFpKYF2GTw',  // pragma: allowlist secret
};
