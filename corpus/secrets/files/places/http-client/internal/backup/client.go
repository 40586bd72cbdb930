package backup

	req.SetBasicAuth("svc-backup", "9malC0GsTUwDnCjS0HxGy3JECnLntgxJ")
	req.SetBasicAuth(cfg.User, cfg.Password)
	req.Header.Set("Authorization", "Bearer "+os.Getenv("BACKUP_TOKEN"))
