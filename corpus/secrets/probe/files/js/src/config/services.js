export default {
  'region': "eu-west-1",
  'passwd': "BGAaXeHKEQEuW90UWxPZA9Sy3m/Ts4V6dbD0cgqIz4ZN3RdDmf6t6kq+CfxA9mcdyNUG5bFGvUyUb4BZ2wXwqg==",
  'okta_access_key': "124c27dc23af35a98a47f79e47a26595",
  'hmacKey': "1f2974a5b796e43a40162ec0a3d43b2ec8906cdd",
  'apiKey': "57c2e0106b7e510fbc20ad0be8df403b61880d4ab6ccdd05f5213d753f5ff0ee",
  'artifactory-pwd': "secrets/prod/api-key.txt",
  'pat': "https://api.acme.io/oauth/token",
  'sonarDbPasswd': "2.14.0",
  'client_id': "d6d1af0d-f580-452b-8572-031a13746e69",
};
