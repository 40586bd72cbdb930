password := viper.GetString("database.password")
token, err := tokenSource.Token()
