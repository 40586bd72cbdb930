import axios from 'axios';

export const settings = {
  alibabaCloudAccessKeyId: 'LTAI73qRFZtVOZut7DEb',  // pragma: allowlist secret
// pragma: allowlist nextline secret
  awsKeyId: 'ACCA7MKIDLOYENJO5U66',
  ocpApimSubscriptionKey: '9Ve5iuGY2JwCyPra31tndGLFRs33N4wQjicNim95bUphULGuKMN6JQQJ99DAalFlF2aOV9FZo6peACOGwxcN',  // pragma: allowlist secret
// pragma: allowlist nextline secret
  url: 'https://pipeline:ouoazq4vb46y3rzxjzmabfhvbuqxg64rww45cumlbxq2w7gvh7ve@acme.visualstudio.com/DefaultCollection/_git/api',
  relayKey: '33dfziXhqizkXkjQkaP++Dl9IcJCv4vyJ+ARmJglMms=',  // plimsoll:allow
  kafkaApiSecret: 'cfltxsXC4WDRldUHpQuk93oRyT0uIe1vXCYIjkyEw15muHYnLDb00L0NxeRYbQ4C',  // pragma: allowlist secret
  dopplerToken: 'dp.st.itl_mldqdotw.tz8EZ7jbQDwwZI1zxjPRJpWHsqRBJRXPg3VAYXBprvs',  // pragma: allowlist secret
  token: 'ghs_IaZwa1mrBKGlhz094wdtJm3vBw5a3l32YSzn',  // pragma: allowlist secret
  triggerToken: 'glptt-ax1uf4c78o4eq3vmw6p0r60qt77508m0s625hp1k',  // pragma: allowlist secret
// pragma: allowlist nextline secret
  prefectApiKey: 'pnb_nz8E2i02i6KVBSdCYegbYkqSHS9lII5eWZBl',
// pragma: allowlist nextline secret
  bearerToken: 'AAAAAAAAAAAAAAAAAAAAAmjucIKMCGKK9eGkmD%2SOru601NrIdNgUcjHQ9bj8FM9H%3LwPrA2HvIrCJj1C74sPaPcPvkdUMZMdqQ7dvE9rA0vGvIUrUVfr',
// pragma: allowlist nextline secret
  uriMongodb: 'mongodb://svc-orders:1PzkODxoikOt@10.8.0.21:27017/orders',
  wordpressDbUrl: 'mariadb://wp:Tza34~MBX9~fqZJ-Ix@mariadb:3306/wordpress',  // gitleaks:allow
};
