import axios from 'axios';

export const settings = {
  apiKey: 'patzvxQ5YROLdbkrC.54815f1c7171fe9b886bd69fbfcb90c101f881fa89b9c885876753b99ffd7dcb',
  aws_secret_key: 'eEbrhGut4ZZF72OfeeMSdaYHXfHZ9/vsVA/iRkaR',
  cloudflareApiKey: 'cfk_GAWY8YIjINfIxnc4lpdql5qy76VLvuoI3BwYv70y5x44em1t',
  token: 'dop_v1_dc3cf5f1bfc29ab5976ac7475065654e0ece93c1b0dd6671a2706c259929a1e0',
  auth: 'ZXRsX3VzZXI6VGRRUzl6cyUyS1BzZHBF',
  apiKey: 'xbyWbwbvPVzZ87fS_UNmjsaikXV1y6pNDu3_GIE',
  refresh: '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',
  grafanaApiKey: 'eyJrIjoiLFfJHKj8B8eItcNiPOE6JMSKFClbK34cwYGiK5AUitApSCJqAgqsF9unSXGauI18OhkwpDOjGyV6pG==',
  huggingfaceOrgToken: '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',
  mg_webhook_key: '398d3b11ec3c55b4213bb42d6a6cd338',
  netlifyToken: 'jklfQizCzZkZnLLbAt06q3kXQSX0aAQztasSYNIkUJY',
  perplexityApiKey: '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',
  twinePassword: 'pypi-AgEIcHlwaS5vcmcLPLVHzI86Xhaf1peCERQuUXXdeztKiTy6CIdoSTVz8hxEZoQwXpoyvrF7fphrU28137TJVPfRqtrgGoEIICTvXwVHzhuivhgGIFn2Xm8HpoiimDXhOE1lvvE68Tb7ZADv5pyziV-ZQutPXFsRGiYai1NgQ2DYeN653dbtbUMaUBmDTepQE2Jd06W',
  slackConfigRefreshToken: 'xoxe-1-OI7jZgKvc3fi8ZKEz2nrV25G0uwt910qxjO1JK3clUm3LhqVmwo8iZ6WZ36A3GUI3bDmQOwF8v68Wv0sPZ7FStN09aHbUcCOtgaFlTniwMHXLP8LjjxUq3pK3VMvE7vQhLboV2JIE6Wuy64KSk',
  slackToken: 'xoxa-2-065123062205-540909843128-362671565592-353v91h0xs2p224o2zi629865n9h521n87ih38j3z3v37x53s8jc4qkf2m72b428',
  twilioApiKey: 'SK6bcb8121b6bbbbaccabd363e7593c306',
  mongoUrl: 'mongodb://admin:ng8exm_Wq2Dm@mongo-0.mongo:27017',
  backupTarget: 'cifs://backup:qGkSzLe4=+lBV!ODZ@nas01.local/backups',
};
