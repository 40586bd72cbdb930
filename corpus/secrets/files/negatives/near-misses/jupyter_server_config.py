c = get_config()  # noqa
c.NotebookApp.password = 'sha1:72bb0feceb44:3eb8d313193235dd3d8a8a9c574e76191b9d35f0'
c.ServerApp.password = 'argon2:$argon2id$v=19$m=65536,t=3,p=4$u2P0xJ/kaYX4zwFpSBb+uQ$ovZ1gEVNHlKf6LImrv2oOCkjjtQ8jRZZ/ThTplnYfx8'
c.ServerApp.password_required = True
