INSERT INTO users (email, password_hash) VALUES
  ('ana@acme.io', '$2a$14$RQxU.Z4QI4ZJcRi5ZEIhh6T6BbHuHQCZZabdBqaWj7tbJTpjRaQjF'),
  ('li@acme.io', '$argon2id$v=19$m=65536,t=3,p=4$4jLUwzkM1ZIli0rVEjc7zA$97QgsIXJdskzzlArwMNsV0sICMBVxjo3pUJe42jHJ9E');
