INSERT INTO users (email, password_hash) VALUES
  ('ana@acme.io', '$2a$10$L7rjXhx3aWB4xSjKAn5KbqOfufPn/YyUYK9HrfJQxrXEWFjtXaVWm'),
  ('li@acme.io', '$argon2id$v=19$m=65536,t=3,p=4$YZI/1U6tLDc/76nJB0BIAg$soDlyKqeUMGzw6DsJswiIoe/SI2JQxAzlR33Ky7/r/M');
