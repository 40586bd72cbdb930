ADMIN_PASSWORD_HASH = "$argon2id$v=19$m=65536,t=3,p=4$7mLzfOg6lNDgFqq7F8/DkQ$BnDnQhZr9TDpKEMHotQ5JbJ4Kkxfra04fLXkPWNptw8"
PASSWORD = "$scrypt$ln=14,r=8,p=1$eYz/8eoV5FkrDhHfdjiSkA$rzar6df2s2yXerGjdsqZt/Naj8eDvYGanv6rz71XOuU"
password = '$2b$14$Jne8GhNbmPsHabpMm.lGXTwPvnm3WAV/l3xlQU/TN7f/QfYzKI3Op'
