module.exports = {
  region: 'eu-west-1',
  appSecret: 'e168e64b-8741-4b95-83d5-b9334aa37984',
  pusherBearerToken: 'tok_sDCbbu2RIvFj5eNNdn5O4XMg',
  passwd: 'CnyaXvF9I3whzKm4F8pQrraJutBfof69Vs355KRXxFKXPKtqxlUHcTJ3xh',
  encryptionKeySonar: 'HAm36dxz_omWCZ72qGv2xjlJyiefqqwh',
  refreshToken: 'YOUR_API_KEY_HERE',
  jiraSecretKey: '%API_KEY%',
  twilioAuthToken: 's3cr3t',
  tokenSha256: 'e97f3d56a716eabfa5283becfeb0f4bcdbd806bf3262f16d2edc04d316b90533',
  password: process.env.PASSWORD,
  mailgunInternalDbPasswd: env.MAILGUN_INTERNAL_DB_PASSWD,
};
