import axios from 'axios';

export const settings = {
  alibabaCloudAccessKeyId: 'LTAI73qRFZtVOZut7DEb',  // gitleaks:allow
  awsKeyId: 'ACCA7MKIDLOYENJO5U66',  // pragma: allowlist secret
// pragma: allowlist nextline secret
  ocpApimSubscriptionKey: '9Ve5iuGY2JwCyPra31tndGLFRs33N4wQjicNim95bUphULGuKMN6JQQJ99DAalFlF2aOV9FZo6peACOGwxcN',
// pragma: allowlist nextline secret
  url: 'https://pipeline:ouoazq4vb46y3rzxjzmabfhvbuqxg64rww45cumlbxq2w7gvh7ve@acme.visualstudio.com/DefaultCollection/_git/api',
  kafkaApiSecret: 'cfltxsXC4WDRldUHpQuk93oRyT0uIe1vXCYIjkyEw15muHYnLDb00L0NxeRYbQ4C',  // pragma: allowlist secret
  dopplerToken: 'dp.st.itl_mldqdotw.tz8EZ7jbQDwwZI1zxjPRJpWHsqRBJRXPg3VAYXBprvs',  // plimsoll:allow
  token: 'ghs_IaZwa1mrBKGlhz094wdtJm3vBw5a3l32YSzn',  // gitleaks:allow
  triggerToken: 'glptt-ax1uf4c78o4eq3vmw6p0r60qt77508m0s625hp1k',  // gitleaks:allow
// pragma: allowlist nextline secret
  bearerToken: 'AAAAAAAAAAAAAAAAAAAAAmjucIKMCGKK9eGkmD%2SOru601NrIdNgUcjHQ9bj8FM9H%3LwPrA2HvIrCJj1C74sPaPcPvkdUMZMdqQ7dvE9rA0vGvIUrUVfr',
// pragma: allowlist nextline secret
  uriMongodb: 'mongodb://svc-orders:1PzkODxoikOt@10.8.0.21:27017/orders',
  wordpressDbUrl: 'mariadb://wp:Tza34~MBX9~fqZJ-Ix@mariadb:3306/wordpress',  // gitleaks:allow
};
