from techvp.cli import main

main()
