import axios from 'axios';

export const settings = {
  adyenApiKey: 'AQE6snvZnkdBHgj2DVS42zCrcDK8VPUIRLvZqUt5I0+vinAUxJaftt0b2nDI4ZOHmy6xu8jNoAEJUciMzNaWlqQ=-JprAuLxOahrIX5fdHkun+ZowVprYazX64V7YkyLcunw=-nfN$ijIEKM2eu9dad4n5',  // plimsoll:allow
  alibabaCloudAccessKeyId: 'LTAI73qRFZtVOZut7DEb',  // plimsoll:allow
  alphaVantageApiKey: 'R5PH82E8ALM0Z4DH',  // plimsoll:allow
  attioApiKey: '57151ca53d7a18fde21de5bc95eb6c8b1f3395e107c385e2b67e82ddecc7424a',  // plimsoll:allow
// pragma: allowlist nextline secret
  awsKeyId: 'ACCA7MKIDLOYENJO5U66',
  token: 'xaat-dba45746-878f-2afa-81b7-355b287b517f',  // pragma: allowlist secret
  ocpApimSubscriptionKey: '9Ve5iuGY2JwCyPra31tndGLFRs33N4wQjicNim95bUphULGuKMN6JQQJ99DAalFlF2aOV9FZo6peACOGwxcN',  // plimsoll:allow
  url: 'https://pipeline:ouoazq4vb46y3rzxjzmabfhvbuqxg64rww45cumlbxq2w7gvh7ve@acme.visualstudio.com/DefaultCollection/_git/api',  // pragma: allowlist secret
// pragma: allowlist nextline secret
  relayKey: '33dfziXhqizkXkjQkaP++Dl9IcJCv4vyJ+ARmJglMms=',
  clerkSecretKey: 'sk_live_sb1NODSVHy6Q34yDWNLt5BP3gSghobbVoNu4d8RyRcMRkl',  // plimsoll:allow
  kafkaApiSecret: 'cfltxsXC4WDRldUHpQuk93oRyT0uIe1vXCYIjkyEw15muHYnLDb00L0NxeRYbQ4C',  // pragma: allowlist secret
  ddKey: '4a6ac6d20726ec0654baeebce6feb2d4',  // pragma: allowlist secret
// pragma: allowlist nextline secret
  deepinfraApiKey: 'gp93gapbS2SGXWyUb8RzDZwi9psVnNox',
  dopplerToken: 'dp.st.itl_mldqdotw.tz8EZ7jbQDwwZI1zxjPRJpWHsqRBJRXPg3VAYXBprvs',  // pragma: allowlist secret
  token: 'ghs_IaZwa1mrBKGlhz094wdtJm3vBw5a3l32YSzn',  // pragma: allowlist secret
// pragma: allowlist nextline secret
  triggerToken: 'glptt-ax1uf4c78o4eq3vmw6p0r60qt77508m0s625hp1k',
  onesignalOrgKey: 'os_v2_org_kw3mfwcgkxofikgwaqkipl4mp6jq6tu26cj5v63hszoruuk6kahvcpzzaa6xkydpdiqtnq563lx7oc6drsncragp67j5lrptizz4lnptbi7osyw3r',  // plimsoll:allow
  packagecloudToken: '76005b5dbd0f8b2e6f98545babee6940f0e92ddc5beaaf6f',  // pragma: allowlist secret
  apiKey: 'pcsk_Guas2_HIKvpLNWSQDDsAWANtVgT0D8K1ZeyEnSzFL2pV4XEx3LSOp2XFaq7IzCJuzyNLEgny',  // plimsoll:allow
  itemToken: 'access-development-602a3895-ec97-2d88-07d3-e63f8285282b',  // gitleaks:allow
  prefectApiKey: 'pnb_nz8E2i02i6KVBSdCYegbYkqSHS9lII5eWZBl',  // pragma: allowlist secret
  secretKey: 'sec-c-8Oadvct2ydzzbZkz3eKM9MeQvgzshawpZkMvFT6b4UZu6nFm',  // pragma: allowlist secret
  strapiApiToken: 'bd6d6aeded88f3e9a79247e033e22d001d2be3a3797e154a313c41bf8e3f94bb5216efc7c9ccf9ddac16d1283f0080b74f5f608bf97f136fffab35c8b185082317225d7b48a50d34fc9ebd40d03ea90bf50468a8081cece5af70dc06e15a3639d086a07b09f986713d59cdb5a44e41593ecfa189f978f91e1cf741284ff29654',  // plimsoll:allow
  sumoHttpUrl: 'https://endpoint7.collection.sumologic.com/receiver/v1/otlp/NXeA1e3Wq_RQjO48QZeLNhF9Os0TNNt7fqBr3z4zpMsL2KV4PGcZOx06bvSXnauutoWtb2aHgslAkb00m9vev8i38k4QMZ==',  // plimsoll:allow
  tableauTokenSecret: '9jAFaypcES6EA12LFkEAf8==:rAkFsN7QtiKL53k9Syq1uonxPpoQbTAm',  // plimsoll:allow
// pragma: allowlist nextline secret
  todoistApiToken: '57ccf6e7e469f81aeb41676707bc6df0770140e3',
  bearerToken: 'AAAAAAAAAAAAAAAAAAAAAmjucIKMCGKK9eGkmD%2SOru601NrIdNgUcjHQ9bj8FM9H%3LwPrA2HvIrCJj1C74sPaPcPvkdUMZMdqQ7dvE9rA0vGvIUrUVfr',  // plimsoll:allow
// pragma: allowlist nextline secret
  uploadthingToken: 'eyJhcGlLZXkiOiJza12rrXBqO24VCyHfz/TDE8o74rO7NJRLWDaugRlSJrelJ5Xd968MN4L+sm92rUEweUWR6VxCI+wEAASxLnu2GYizS',
  uriMongodb: 'mongodb://svc-orders:1PzkODxoikOt@10.8.0.21:27017/orders',  // gitleaks:allow
// pragma: allowlist nextline secret
  wordpressDbUrl: 'mariadb://wp:Tza34~MBX9~fqZJ-Ix@mariadb:3306/wordpress',
  xaiApiKey: 'xai-K0rtupFMpL2A8vbKp0te5XCJGhtJEM3f0NufpPlbm80heTKLYhRudtx5PDe8Yx18ivC97IMFpKYF2GTw',  // gitleaks:allow
};
