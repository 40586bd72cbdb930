#!/bin/sh
PWD='CXp0OApe4lyFoHpjyKyJCpYWWF5pLdQzuxAyoa7Qqg7REQgeCC7H7evdgtebkqnhpWnaOauRB/DjBo20JoWfnw==' ./bin/migrate --up
PASSWD="1878d7e98dac7af5ca0b988f47487fc2" ./bin/migrate --up
CONTENTFUL_PRIVATE_KEY='7b3f6fa3345dd4877c93f67914134e070c34a0af' ./bin/migrate --up
NETLIFY_PASSWORD='85c13e3e169080273e7a625520657356e88d2bacb62856177eb3af95d107d47d' ./bin/migrate --up
SECRET_KEY="" ./bin/migrate --up
MASTER_KEY='YOUR_API_KEY_HERE' ./bin/migrate --up
WEBHOOK_SECRET='%API_KEY%' ./bin/migrate --up
SECRET_CHECKSUM="f4c7e0446cebfe0867865da9c694cde74cee4ad8649c4afd17b9ff2939cb6191" ./bin/migrate --up
