String password = props.getProperty("db.password");
char[] secret = System.console().readPassword("Secret: ");
