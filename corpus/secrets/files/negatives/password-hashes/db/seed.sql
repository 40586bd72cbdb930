INSERT INTO users (email, password_hash) VALUES
  ('ana@acme.io', '$2a$10$CqSFkwkxdW6xjiedtZGhvVsXpm8J.3lpxIZU0rtRxt.7dE4VGckzS'),
  ('li@acme.io', '$argon2id$v=19$m=65536,t=3,p=4$NiKJi+trabWke0zsCgpgyA$da+wJSBu/BTmpsGyMhCf6U9gSclhzzxsP22cao09Ajs');
