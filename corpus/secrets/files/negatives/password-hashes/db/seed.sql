INSERT INTO users (email, password_hash) VALUES
  ('ana@acme.io', '$2a$10$jNaBtujEwyQ5b0l.zveHI4FwJrdBRnmBMUhcG/ieOuz1wLAotKb.m'),
  ('li@acme.io', '$argon2id$v=19$m=65536,t=3,p=4$Ca7ZFxKjGvlpEb2c+UUBDg$DSFbC6U5SEkIf3kPqipXiEY4sknIZcBiD2m8C7USYs4');
