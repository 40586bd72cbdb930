INSERT INTO users (email, password_hash) VALUES
  ('ana@acme.io', '$2a$10$bqOfufPn/YyUYK9HrfJQxrXEWFjtXaVWmZ/PXTmSdEzf85Dj8pnoD'),
  ('li@acme.io', '$argon2id$v=19$m=65536,t=3,p=4$s+npfIbaD2YTYLordpcK8A$4bUM+wZ4XMzR9hUuNWOi78Y3qNT0qxeVdo3fuALX4o0');
