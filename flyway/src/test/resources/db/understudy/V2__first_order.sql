INSERT INTO driver_orders (id, item) VALUES (1, 'book');
