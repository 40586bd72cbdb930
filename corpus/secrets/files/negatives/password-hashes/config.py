ADMIN_PASSWORD_HASH = "$argon2id$v=19$m=65536,t=3,p=4$zxiWOsHQnhNm70/eGGPlkQ$FCJHvyZ+K4Z3O0dgr7sz9p1RhxL2NJ0kfUIYyJSYhQk"
PASSWORD = "$scrypt$ln=14,r=8,p=1$Z3L7lpXHKzczwkk2xXrh1w$uBm5+2zbiXCYpFQPaF5KudwuFKNfXUXkI+T/Z5hdFpI"
password = '$2b$10$bdBqaWj7tbJTpjRaQjFTpZUbUHlQhYG4Bgux63qL/2V6oKcwxhlCP'
