import axios from 'axios';

export const settings = {
  apiKey: 'patzvxQ5YROLdbkrC.54815f1c7171fe9b886bd69fbfcb90c101f881fa89b9c885876753b99ffd7dcb',
  aws_secret_key: 'eEbrhGut4ZZF72OfeeMSdaYHXfHZ9/vsVA/iRkaR',
  cloudflareApiKey: 'cfk_GAWY8YIjINfIxnc4lpdql5qy76VLvuoI3BwYv70y5x44em1t',
  token: 'dop_v1_dc3cf5f1bfc29ab5976ac7475065654e0ece93c1b0dd6671a2706c259929a1e0',
  auth: 'ZXRsX3VzZXI6VGRRUzl6cyUyS1BzZHBF',
  apiKey: '43a0dde81dacc29acfc816ac161acfb3',
  refresh: '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',
  grafanaApiKey: 'eyJrIjoiLFfJHKj8B8eItcNiPOE6JMSKFClbK34cwYGiK5AUitApSCJqAgqsF9unSXGauI18OhkwpDOjGyV6pG==',
  huggingfaceOrgToken: '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',
  mg_webhook_key: '398d3b11ec3c55b4213bb42d6a6cd338',
  apiKey: 'NRAA-GA0N2ZC6OLPC686UPVXB87GOC7I',
  perplexityApiKey: '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',
  twinePassword: 'pypi-AgEIcHlwaS5vcmcLPLVHzI86Xhaf1peCERQuUXXdeztKiTy6CIdoSTVz8hxEZoQwXpoyvrF7fphrU28137TJVPfRqtrgGoEIICTvXwVHzhuivhgGIFn2Xm8HpoiimDXhOE1lvvE68Tb7ZADv5pyziV-ZQutPXFsRGiYai1NgQ2DYeN653dbtbUMaUBmDTepQE2Jd06W',
  slackConfigToken: 'xoxe.xoxb-1-45UshiBNijEgGBrFQlOju69GsST5CJBURPacxFNnFigoWC9BmFjkE8xeI9J4Ic47N6ncBqTh8cAzIJTE1ow7JKeFuPHyDSwIKif8O8WWUpxlaBc5VgrCWbectaCCLoFvm7WijQ7DEx9if7Pf3PP8pE',
  slackToken: 'xoxa-2-065123062205-540909843128-362671565592-353v91h0xs2p224o2zi629865n9h521n87ih38j3z3v37x53s8jc4qkf2m72b428',
  twilioApiKey: 'SK6bcb8121b6bbbbaccabd363e7593c306',
  uriMssql: 'mssql+pyodbc://etl:hxR2iMI=5eQoNo-5@mssql-prod-dsn',
  backupTarget: 'cifs://backup:qGkSzLe4=+lBV!ODZ@nas01.local/backups',
};
