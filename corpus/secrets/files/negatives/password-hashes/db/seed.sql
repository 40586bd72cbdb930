INSERT INTO users (email, password_hash) VALUES
  ('ana@acme.io', '$2a$10$i5ZEIhh6T6BbHuHQCZZabdBqaWj7tbJTpjRaQjFTpZUbUHlQhYG4B'),
  ('li@acme.io', '$argon2id$v=19$m=65536,t=3,p=4$Q49SRcvV2GH7qBlnzbVCeA$BWWMy+fFjOH55zCSTXH0j9fzFnNM+uBZyqXNgsvwjRo');
