c = get_config()  # noqa
c.NotebookApp.password = 'sha1:2bb9290029a8:12b192fdb6ebe69a14bb1a7cd43ac26b5ce48b32'
c.ServerApp.password = 'argon2:$argon2id$v=19$m=65536,t=3,p=4$SvG5k0kdOGV0WXXxfIR60w$05T+dE5SDbVmCgazkGaJaoNnRSBOncAtwdAhOPsZXoE'
c.ServerApp.password_required = True
