        var creds = new NetworkCredential("etl", "myab17uHJHRypAUNo8ZSZmic4m");
