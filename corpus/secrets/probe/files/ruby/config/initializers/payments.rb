Payments.configure(
  region: 'eu-west-1',
  bearer_token: '44b7e586bdec83026f8896b32af0096c94910b3b',
  ado_secret_key: 'd140c6352fe43e560437732be3d0aac7e5602396deb9aa4b41ce4fc347df8aef',
  jwt_secret_nexus: 'Ry0jWZ9M%xur#',
  api_key: '3f5c7f53-5662-4784-b038-8895a3066967',
  webhook_secret: '',
  pwd: '<secret>',
  pass: '$(API_KEY)',
  secret_checksum: '412a869f696756feac237854d23485c95752ed26d733da1973b26ccd4287e96a',
  access_key_nexus: ENV['ACCESS_KEY_NEXUS'],
  smtp_pass: ENV.fetch('SMTP_PASS'),
)
