import axios from 'axios';

const jwtSecret = "64925d25e4f082a5b623c8a40efc8fdb";
const mailgunPrivateKey = "d2ed0ab05ebf7bef42155582dd4ccff57d7fde90";
const ENCRYPTION_KEY = '4600c007820dcb0cc122d9c3da1148e761def36cabc073df236c74e6577b642f';
const mixpanelWebhookSecret = "27*E)pVPC@vd";
const stripeHmacKey = 'secrets/prod/api-key.txt';
const PWD = "https://api.acme.io/oauth/token";
const adminPwd = "v1.4.2-rc.1";
const SECRET_CHECKSUM = '6a1cc04ac708eeea931726f024ea02cfffa1ed27199657c562e6983ed5e8053e';
const zendeskLicenseKey = process.env.ZENDESK_LICENSE_KEY;
const mixpanelAdminPwd = config.mixpanelAdminPwd;
