import axios from 'axios';

export const settings = {
  alibabaCloudAccessKeyId: 'LTAI73qRFZtVOZut7DEb',  // pragma: allowlist secret
  awsKeyId: 'ACCA7MKIDLOYENJO5U66',  // gitleaks:allow
  ocpApimSubscriptionKey: '9Ve5iuGY2JwCyPra31tndGLFRs33N4wQjicNim95bUphULGuKMN6JQQJ99DAalFlF2aOV9FZo6peACOGwxcN',  // plimsoll:allow
  url: 'https://pipeline:ouoazq4vb46y3rzxjzmabfhvbuqxg64rww45cumlbxq2w7gvh7ve@acme.visualstudio.com/DefaultCollection/_git/api',  // gitleaks:allow
  relayKey: '33dfziXhqizkXkjQkaP++Dl9IcJCv4vyJ+ARmJglMms=',  // pragma: allowlist secret
  kafkaApiSecret: 'cfltxsXC4WDRldUHpQuk93oRyT0uIe1vXCYIjkyEw15muHYnLDb00L0NxeRYbQ4C',  // gitleaks:allow
  dopplerToken: 'dp.st.itl_mldqdotw.tz8EZ7jbQDwwZI1zxjPRJpWHsqRBJRXPg3VAYXBprvs',  // plimsoll:allow
  token: 'ghs_IaZwa1mrBKGlhz094wdtJm3vBw5a3l32YSzn',  // gitleaks:allow
  triggerToken: 'glptt-ax1uf4c78o4eq3vmw6p0r60qt77508m0s625hp1k',  // gitleaks:allow
// pragma: allowlist nextline secret
  prefectApiKey: 'pnb_nz8E2i02i6KVBSdCYegbYkqSHS9lII5eWZBl',
  bearerToken: 'AAAAAAAAAAAAAAAAAAAAAmjucIKMCGKK9eGkmD%2SOru601NrIdNgUcjHQ9bj8FM9H%3LwPrA2HvIrCJj1C74sPaPcPvkdUMZMdqQ7dvE9rA0vGvIUrUVfr',  // gitleaks:allow
  uriMongodb: 'mongodb://svc-orders:1PzkODxoikOt@10.8.0.21:27017/orders',  // gitleaks:allow
// pragma: allowlist nextline secret
  wordpressDbUrl: 'mariadb://wp:Tza34~MBX9~fqZJ-Ix@mariadb:3306/wordpress',
};
