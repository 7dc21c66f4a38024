args: mail verify --format pdf x.mbox
status: 2
stderr-contains: unknown format 'pdf'
