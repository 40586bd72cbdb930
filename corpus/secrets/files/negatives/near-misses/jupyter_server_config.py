c = get_config()  # noqa
c.NotebookApp.password = 'sha1:cb15e49d03c6:2a556f1577ccb75f1b26419286d79787b4b8c12f'
c.ServerApp.password = 'argon2:$argon2id$v=19$m=65536,t=3,p=4$e7Xe45FHBvmOMDYrqHKbVw$kcz46rpNf7oTO7Mwvzb0NtgbRCmfddVYBo6fJ9MKPx4'
c.ServerApp.password_required = True
