package com.example.orders.monitor;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class OrdersMonitorApplicationTests {

	@Test
	void contextLoads() {
	}

}
